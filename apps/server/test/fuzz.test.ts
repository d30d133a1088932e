import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
  isInterfaceType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema/build-schema.js';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';
import { ADMIN, bearer } from './support/governance-helpers.js';

// Property-based GraphQL documents and variables against the running gateway: random nesting,
// aliases, fragments, directives with odd variables, huge and odd scalars, unicode, wrong types,
// null where non-null, and plain garbage. Pass: never a 5xx, never a hang, always a GraphQL response.
const RUNS = Number(process.env['QUARRY_FUZZ_RUNS'] ?? 600);
/** A hang is an answer slower than this (the emulator answers in microseconds). */
const ANSWER_MS = 30_000;

let gateway: GatewayHarness;
let schema: GraphQLSchema;
beforeAll(async () => {
  gateway = await startGateway({ server: { adminKey: ADMIN } });
  schema = buildSchema(gateway.catalog);
});
afterAll(async () => {
  await gateway.close();
});

/** Scalars nobody expects: huge, negative zero, NaN-ish text, unicode, escapes, empty. */
const oddLiteral = fc.oneof(
  fc.constantFrom(
    '1e400',
    '-0',
    '9007199254740993',
    '-2147483649',
    '0.0000000001',
    '""',
    '"\\u0000"',
    '"\\uD800"',
    '"🦜\\n\\t\\"quoted\\""',
    'null',
    '[]',
    '{}',
    'true',
    'NOT_AN_ENUM',
    '[[[[[1]]]]]',
    '{ a: { b: { c: null } } }',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => JSON.stringify(text)),
);

/** A literal for `type`: mostly plausible, sometimes wrong. */
function valueArb(type: GraphQLInputType, depth: number): fc.Arbitrary<string> {
  const nullable = getNullableType(type);
  const plausible: fc.Arbitrary<string> = (() => {
    if (isListType(nullable))
      return depth <= 0
        ? fc.constant('[]')
        : fc
            .array(valueArb(nullable.ofType, depth - 1), { maxLength: 3 })
            .map((items) => `[${items.join(', ')}]`);
    if (isInputObjectType(nullable)) {
      if (depth <= 0) return fc.constant('{}');
      const fields = Object.values(nullable.getFields());
      const required = fields.filter(
        (field) => isNonNullType(field.type) && field.defaultValue === undefined,
      );
      const optional = fields.filter((field) => !required.includes(field));
      return fc
        .subarray(optional)
        .chain((chosen) => {
          const given = [...required, ...chosen];
          return given.length === 0
            ? fc.constant([] as string[])
            : fc.tuple(
                ...given.map((field) =>
                  valueArb(field.type, depth - 1).map((value) => `${field.name}: ${value}`),
                ),
              );
        })
        .map((pairs) => `{ ${pairs.join(', ')} }`);
    }
    if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((value) => value.name));
    if (isScalarType(nullable)) {
      switch (nullable.name) {
        case 'Int':
          return fc.integer({ min: -5, max: 2_000 }).map(String);
        case 'Float':
          return fc.double({ min: -2, max: 2, noNaN: true }).map(String);
        case 'Boolean':
          return fc.boolean().map(String);
        case 'ID':
        case 'String':
          return fc.oneof(
            fc.constantFrom('"amazon.titan-text-lite-v1"', '"amazon.titan-embed-text-v2:0"', '"hello"'),
            fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => JSON.stringify(text)),
          );
        default:
          return fc.oneof(
            fc.constant('"x"'),
            fc.constant('{ a: 1 }'),
            fc.constant('[1, "two"]'),
            fc.constant('$v'),
          );
      }
    }
    return fc.constant('null');
  })();
  return fc.oneof({ weight: 20, arbitrary: plausible }, { weight: 1, arbitrary: oddLiteral });
}

/** Required arguments mostly given, optional ones at random. */
function argsArb(args: readonly GraphQLArgument[]): fc.Arbitrary<string> {
  if (args.length === 0) return fc.constant('');
  const required = args.filter((arg) => isNonNullType(arg.type));
  const optional = args.filter((arg) => !isNonNullType(arg.type));
  return fc
    .tuple(
      fc.subarray(optional),
      fc.oneof({ weight: 99, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .chain(([chosen, dropRequired]) => {
      const given = [...(dropRequired ? [] : required), ...chosen];
      return given.length === 0
        ? fc.constant([] as string[])
        : fc.tuple(...given.map((arg) => valueArb(arg.type, 3).map((value) => `${arg.name}: ${value}`)));
    })
    .map((pairs) => (pairs.length === 0 ? '' : `(${pairs.join(', ')})`));
}

const aliasArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/).map((name) => `${name}: `) },
);
/** @skip / @include on a variable whose value the variables arbitrary makes odd. */
const directiveArb = fc.oneof(
  { weight: 40, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(' @skip(if: $flag)', ' @include(if: $flag)', ' @include(if: true)'),
  },
  { weight: 1, arbitrary: fc.constantFrom(' @skip(if: "yes")', ' @include', ' @unknown(x: 1)') },
);

function selectionArb(type: GraphQLCompositeType, depth: number): fc.Arbitrary<string> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return fc
      .subarray([...members], { maxLength: 3 })
      .chain((chosen) =>
        chosen.length === 0
          ? fc.constant([] as string[])
          : fc.tuple(
              ...chosen.map((member) =>
                selectionArb(member, depth).map((inner) => `... on ${member.name} ${inner}`),
              ),
            ),
      )
      .map((fragments) => `{ __typename ${fragments.join(' ')} }`);
  }
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const fieldArb = fc.constantFrom(...fields).chain((field) => {
    const named = getNamedType(field.type);
    const inner =
      isCompositeType(named) && depth > 0
        ? selectionArb(named, depth - 1).map((selection) => ` ${selection}`)
        : isCompositeType(named)
          ? fc.constant(' { __typename }')
          : fc.constant('');
    return fc
      .tuple(aliasArb, argsArb(field.args), directiveArb, inner)
      .map(([alias, args, directive, selection]) => `${alias}${field.name}${args}${directive}${selection}`);
  });
  return fc
    .array(
      fc.oneof({ weight: 6, arbitrary: fieldArb }, { weight: 1, arbitrary: fc.constant('__typename') }),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((selections) => `{ ${selections.join(' ')} }`);
}

/** A whole request: a document over the real schema (or garbage) and variables of any shape. */
function requestArb(roots: readonly ('query' | 'mutation' | 'subscription')[]) {
  const rootArb = fc.constantFrom(...roots).chain((operation) => {
    const root =
      operation === 'query'
        ? schema.getQueryType()
        : operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (root == null) throw new Error(`the schema has no ${operation} type`);
    // Named, declaring the variables it uses (sometimes with a type that does not fit), or the
    // shorthand without declarations.
    return fc
      .tuple(
        selectionArb(root, 3),
        fc.constantFrom('Boolean!', 'Boolean!', 'Boolean = true', 'Boolean', 'String', '[Boolean!]'),
        fc.constantFrom('JSON', 'JSON!', 'String'),
        fc.boolean(),
      )
      .map(([selection, flagType, valueType, named]) => {
        const declared = [
          ...(selection.includes('$flag') ? [`$flag: ${flagType}`] : []),
          ...(selection.includes('$v') ? [`$v: ${valueType}`] : []),
        ];
        if (!named)
          return operation === 'query' && declared.length === 0 ? selection : `${operation} ${selection}`;
        return `${operation} Fuzz${declared.length === 0 ? '' : `(${declared.join(', ')})`} ${selection}`;
      });
  });
  const documentArb = fc.oneof(
    { weight: 8, arbitrary: rootArb },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: rootArb.map((document) =>
        document.startsWith('mutation') || document.startsWith('subscription')
          ? document
          : `fragment F on Query { __typename models { modelId } } ${document.replace('{', '{ ...F ')}`,
      ),
    },
  );
  const variablesArb = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record(
        {
          flag: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 2 })),
          v: fc.jsonValue({ maxDepth: 3 }),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
  return fc.record({ query: documentArb, variables: variablesArb });
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Sends without the harness's JSON shortcuts, so a non-JSON answer is caught, not thrown: as a
 * POST body, or as GET parameters (what urql and Apollo Client send for queries).
 */
async function send(payload: { query: string; variables: unknown }, method: 'POST' | 'GET'): Promise<Answer> {
  const url =
    method === 'GET'
      ? `${gateway.url}?query=${encodeURIComponent(payload.query)}&variables=${encodeURIComponent(JSON.stringify(payload.variables))}`
      : gateway.url;
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...bearer(ADMIN) },
    ...(method === 'POST' && { body: JSON.stringify(payload) }),
    signal: AbortSignal.timeout(ANSWER_MS),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { notJson: text };
  }
  return { status: response.status, body };
}

/** A GraphQL response: `data` and/or a non-empty `errors` list of messages with codes. */
function expectGraphQLResponse(answer: Answer, request: unknown): void {
  const context = JSON.stringify({ request, answer }).slice(0, 2_000);
  expect(answer.status, context).toBeLessThan(500);
  const body = answer.body as {
    data?: unknown;
    errors?: { message?: unknown; extensions?: { code?: unknown } }[];
  };
  expect(typeof body, context).toBe('object');
  expect('data' in body || Array.isArray(body.errors), context).toBe(true);
  for (const error of body.errors ?? []) {
    expect(typeof error.message, context).toBe('string');
    expect(typeof error.extensions?.code, context).toBe('string');
    expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

describe('fuzz: random GraphQL against the running gateway', () => {
  it('answers every document over HTTP (POST and GET) with a GraphQL response, never a 5xx', async () => {
    let cases = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        requestArb(['query', 'query', 'mutation', 'subscription']),
        fc.constantFrom<'POST' | 'GET'>('POST', 'POST', 'GET'),
        async (request, method) => {
          cases += 1;
          const answer = await send(request, method);
          const body = answer.body as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
          const code = body.errors?.[0]?.extensions?.code;
          const outcome = `${answer.status} ${typeof code === 'string' ? code : body.data == null ? 'no data' : 'data'}`;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          expectGraphQLResponse(answer, { method, ...request });
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`fuzz: ${cases} HTTP cases`, Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])));
    // Still serving after all of it.
    expect((await gateway.gql(`{ models { modelId } }`, {}, bearer(ADMIN))).status).toBe(200);
  });

  it('answers every operation over graphql-ws with a GraphQL result or error, and the socket survives', async () => {
    const client = gateway.ws({ authorization: `Bearer ${ADMIN}` }, { lazy: false });
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(requestArb(['query', 'subscription']), async (request) => {
        cases += 1;
        const variables =
          typeof request.variables === 'object' &&
          request.variables !== null &&
          !Array.isArray(request.variables)
            ? (request.variables as Record<string, unknown>)
            : {};
        const outcome = await new Promise<{ errors?: unknown; results: number }>((resolve) => {
          let results = 0;
          const timer = setTimeout(() => resolve({ errors: 'hang', results }), ANSWER_MS);
          // The first answer is what is checked: progress subscriptions stay open by design, so
          // the client completes after it. A hang is no answer at all.
          const unsubscribe = client.subscribe(
            { query: request.query, variables },
            {
              next: () => {
                results += 1;
                clearTimeout(timer);
                unsubscribe();
                resolve({ results });
              },
              error: (errors) => {
                clearTimeout(timer);
                resolve({ errors, results });
              },
              complete: () => {
                clearTimeout(timer);
                resolve({ results });
              },
            },
          );
        });
        const context = JSON.stringify({ request, outcome }).slice(0, 2_000);
        expect(outcome.errors, context).not.toBe('hang');
        if (outcome.errors !== undefined) {
          expect(Array.isArray(outcome.errors), context).toBe(true);
          for (const error of outcome.errors as { extensions?: { code?: unknown } }[])
            expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
        }
      }),
      { numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
    );
    console.log(`fuzz: ${cases} graphql-ws cases`);
  });
});
