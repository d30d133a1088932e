import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLScalarType, parse, subscribe, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSubscribeOnce } from './subscribe-once.js';

/** A schema whose `Label` scalar counts how often variables holding it are coerced. */
function countingSchema() {
  const counter = { coercions: 0 };
  const pendingReturns = { calls: 0 };
  const schema = makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      scalar Label
      input TickInput {
        label: Label!
        count: Int!
      }
      type Tick {
        n: Int!
        label: String!
        fails: String
      }
      type Query {
        ok: Boolean
      }
      type Subscription {
        ticks(input: TickInput!): Tick!
        forever: Tick!
      }
    `,
    resolvers: {
      Label: new GraphQLScalarType({
        name: 'Label',
        parseValue: (value) => {
          counter.coercions += 1;
          return String(value);
        },
        serialize: (value) => value,
      }),
      Tick: {
        fails: (tick: { n: number }) => {
          if (tick.n === 2) throw new Error('tick 2 fails');
          return 'fine';
        },
      },
      Subscription: {
        ticks: {
          subscribe: async function* (_root: unknown, args: { input: { label: string; count: number } }) {
            for (let n = 1; n <= args.input.count; n++)
              yield await Promise.resolve({ n, label: args.input.label });
          },
          resolve: (tick: unknown) => tick,
        },
        forever: {
          // A source whose next() never settles: only return() can end it.
          subscribe: () => ({
            [Symbol.asyncIterator]() {
              return {
                next: () => new Promise<never>(() => undefined),
                return: () => {
                  pendingReturns.calls += 1;
                  return Promise.resolve({ done: true as const, value: undefined });
                },
              };
            },
          }),
          resolve: (tick: unknown) => tick,
        },
      },
    },
  });
  return { schema, counter, pendingReturns };
}

async function collect(result: unknown): Promise<ExecutionResult[]> {
  const events: ExecutionResult[] = [];
  for await (const event of result as AsyncIterable<ExecutionResult>) events.push(event);
  return events;
}

const TICKS = parse(`subscription ($input: TickInput!) { ticks(input: $input) { n label fails } }`);
const TICKS_WITH_SKIP = parse(
  `subscription ($input: TickInput!, $withLabel: Boolean!) { ticks(input: $input) { n label @include(if: $withLabel) } }`,
);

describe('createSubscribeOnce', () => {
  it('coerces the variables once per subscription, not once per event, with the same events as graphql-js', async () => {
    const { schema, counter } = countingSchema();
    const variableValues = { input: { label: 'a', count: 3 } };

    const reference = await collect(await subscribe({ schema, document: TICKS, variableValues }));
    // graphql-js: once to start the source, then once more per event.
    expect(counter.coercions).toBe(4);

    counter.coercions = 0;
    const once = await collect(
      await createSubscribeOnce(schema)({ schema, document: TICKS, variableValues }),
    );
    expect(counter.coercions).toBe(1);
    expect(once).toEqual(reference);
    expect(once).toHaveLength(3);
    // An error in one event's field stays that event's error, as in graphql-js.
    expect(once[1]?.errors?.[0]?.message).toBe('tick 2 fails');
    expect(once[2]?.data).toEqual({ ticks: { n: 3, label: 'a', fails: 'fine' } });
  });

  it('falls back to graphql-js when the selection itself uses a variable', async () => {
    const { schema, counter } = countingSchema();
    const variableValues = { input: { label: 'b', count: 2 }, withLabel: false };
    const once = await collect(
      await createSubscribeOnce(schema)({ schema, document: TICKS_WITH_SKIP, variableValues }),
    );
    expect(once).toEqual([{ data: { ticks: { n: 1 } } }, { data: { ticks: { n: 2 } } }]);
    expect(counter.coercions).toBe(3);
  });

  it('reports variable errors before any event, like graphql-js', async () => {
    const { schema } = countingSchema();
    const result = await createSubscribeOnce(schema)({
      schema,
      document: TICKS,
      variableValues: { input: { count: 1 } },
    });
    expect(result).toEqual(
      await subscribe({ schema, document: TICKS, variableValues: { input: { count: 1 } } }),
    );
    expect((result as ExecutionResult).errors?.[0]?.message).toMatch(/label/);
  });

  it('passes return() to the source at once, even while it waits for the next event', async () => {
    const { schema, pendingReturns } = countingSchema();
    const stream = (await createSubscribeOnce(schema)({
      schema,
      document: parse('subscription { forever { n } }'),
    })) as AsyncIterableIterator<ExecutionResult>;
    void stream.next();
    await stream.return?.();
    expect(pendingReturns.calls).toBe(1);
  });
});
