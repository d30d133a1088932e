import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { catalogResponseCache } from './catalog-response-cache.js';

/** A real Apollo server with the plugin, a models field that counts its runs, and a settable generation. */
async function serverWith(options: { maxEntries?: number } = {}) {
  let generation: unknown = 1;
  let runs = 0;
  let fail = false;
  const schema = makeExecutableSchema({
    typeDefs: `
      type Model { modelId: String! }
      type Query { models(provider: String): [Model!]! model(id: ID!): Model other: Int }
      type Mutation { touch: Int }
    `,
    resolvers: {
      Query: {
        models: (_root: unknown, args: { provider?: string }) => {
          runs++;
          if (fail) throw new GraphQLError('directory down');
          return [{ modelId: `${args.provider ?? 'any'}.model-${runs}` }];
        },
        model: (_root: unknown, args: { id: string }) => {
          runs++;
          return { modelId: args.id };
        },
        other: () => ++runs,
      },
      Mutation: { touch: () => ++runs },
    },
  });
  const hits: string[][] = [];
  const apollo = new ApolloServer({
    schema,
    plugins: [
      catalogResponseCache({
        generation: () => generation,
        onHit: (fields) => hits.push(fields),
        ...options,
      }),
    ],
  });
  await apollo.start();
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await apollo.executeOperation({ query, ...(variables && { variables }) });
    return response.body.kind === 'single' ? response.body.singleResult : undefined;
  };
  return {
    run,
    runs: () => runs,
    hits,
    setGeneration: (value: unknown) => (generation = value),
    setFailing: (value: boolean) => (fail = value),
  };
}

describe('catalogResponseCache', () => {
  it('answers a repeated catalog query from its first answer without executing it again', async () => {
    const server = await serverWith();
    const first = await server.run('{ models { modelId } }');
    expect(await server.run('{ models { modelId } }')).toEqual(first);
    expect(await server.run('{ models { modelId } }')).toEqual(first);
    expect(server.runs()).toBe(1);
    expect(server.hits).toEqual([['models'], ['models']]);
  });

  it('keys answers by document, operation name and variables', async () => {
    const server = await serverWith();
    const query = 'query Q($p: String) { models(provider: $p) { modelId } }';
    const anthropic = await server.run(query, { p: 'anthropic' });
    const meta = await server.run(query, { p: 'meta' });
    expect(anthropic).not.toEqual(meta);
    expect(await server.run(query, { p: 'anthropic' })).toEqual(anthropic);
    expect(await server.run('{ model(id: "x") { modelId } }')).toEqual({ data: { model: { modelId: 'x' } } });
    expect(server.runs()).toBe(3);
  });

  it('executes again once the directory holds other data, and caches nothing while it holds none', async () => {
    const server = await serverWith();
    await server.run('{ models { modelId } }');
    server.setGeneration(2);
    const fresh = await server.run('{ models { modelId } }');
    expect(fresh).toEqual({ data: { models: [{ modelId: 'any.model-2' }] } });
    server.setGeneration(undefined);
    await server.run('{ models { modelId } }');
    await server.run('{ models { modelId } }');
    expect(server.runs()).toBe(4);
  });

  it('never stores an answer with errors', async () => {
    const server = await serverWith();
    server.setFailing(true);
    expect((await server.run('{ models { modelId } }'))?.errors).toHaveLength(1);
    server.setFailing(false);
    expect(await server.run('{ models { modelId } }')).toEqual({
      data: { models: [{ modelId: 'any.model-2' }] },
    });
    expect(server.runs()).toBe(2);
  });

  it('leaves operations with any other root field, and mutations, alone', async () => {
    const server = await serverWith();
    await server.run('{ models { modelId } other }');
    await server.run('{ models { modelId } other }');
    await server.run('mutation { touch }');
    await server.run('mutation { touch }');
    // Both root fields ran for each query (2 × 2), and each mutation once.
    expect(server.runs()).toBe(6);
    expect(server.hits).toEqual([]);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const server = await serverWith({ maxEntries: 2 });
    await server.run('{ model(id: "a") { modelId } }');
    await server.run('{ model(id: "b") { modelId } }');
    await server.run('{ model(id: "a") { modelId } }'); // hit: "a" is now the most recent
    await server.run('{ model(id: "c") { modelId } }'); // evicts "b"
    await server.run('{ model(id: "a") { modelId } }'); // hit
    await server.run('{ model(id: "b") { modelId } }'); // executes again
    expect(server.runs()).toBe(4);
  });
});
