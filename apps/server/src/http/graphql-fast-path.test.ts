import {
  ApolloServer,
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { buildSchema, Kind, parse } from 'graphql';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { createGraphQLFastPath, type GraphQLFastPath } from './graphql-fast-path.js';
import { createPersistedQueryCache } from './persisted-query-cache.js';

const schema = buildSchema(`
  type Query { hello(name: String): String, catalog: String }
  type Mutation { touch: Boolean }
  type Subscription { ticks: Int }
`);
const QUERY = 'query Hello($name: String) { hello(name: $name) }';
const JSON_HEADERS = { 'content-type': 'application/json' };
const HASH = createHash('sha256').update(QUERY).digest('hex');
const PERSISTED = { persistedQuery: { version: 1, sha256Hash: HASH } };

async function fastPathFor(
  errorPlugins: ApolloServerPlugin<GatewayContext>[] = [],
  persistedQueries?: KeyValueCache,
): Promise<GraphQLFastPath | undefined> {
  return createGraphQLFastPath({
    persistedQueries,
    schema,
    formatError: (formatted) => formatted,
    errorPlugins,
    leaveToApollo: (operation) =>
      operation.selectionSet.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === 'catalog',
      ),
  });
}

/** What Apollo's pipeline tells the plugin once a document passed validation. */
async function learn(fastPath: GraphQLFastPath, query: string): Promise<void> {
  const context = {
    source: query,
    document: parse(query),
  } as GraphQLRequestContextDidResolveOperation<GatewayContext>;
  const listener = await fastPath.plugin.requestDidStart?.(context);
  await listener?.didResolveOperation?.(context);
}

describe('createGraphQLFastPath', () => {
  it('takes a POST of a learned document with JSON content-type and a known accept', async () => {
    const fastPath = await fastPathFor();
    if (fastPath === undefined) throw new Error('expected a fast path');
    const body = { query: QUERY, variables: { name: 'x' }, operationName: 'Hello' };
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toBeUndefined();
    await learn(fastPath, QUERY);
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toMatchObject({
      variables: { name: 'x' },
      operationName: 'Hello',
      contentType: 'application/json; charset=utf-8',
    });
    expect(
      (await fastPath.match('POST', body, { ...JSON_HEADERS, accept: 'application/graphql-response+json' }))
        ?.contentType,
    ).toBe('application/graphql-response+json; charset=utf-8');
  });

  it('leaves everything unusual to Apollo', async () => {
    const fastPath = await fastPathFor();
    if (fastPath === undefined) throw new Error('expected a fast path');
    const twoOperations = 'query A { hello } subscription B { ticks } query C { catalog }';
    await learn(fastPath, QUERY);
    await learn(fastPath, twoOperations);
    const cases: [string | undefined, unknown, Record<string, string>][] = [
      ['GET', { query: QUERY }, JSON_HEADERS],
      ['POST', undefined, JSON_HEADERS],
      ['POST', [{ query: QUERY }], JSON_HEADERS],
      ['POST', { query: QUERY, extensions: {} }, JSON_HEADERS],
      ['POST', { query: QUERY, id: 1 }, JSON_HEADERS],
      ['POST', { query: '' }, JSON_HEADERS],
      ['POST', { query: QUERY, variables: [] }, JSON_HEADERS],
      ['POST', { query: QUERY, variables: '{}' }, JSON_HEADERS],
      ['POST', { query: QUERY, operationName: 1 }, JSON_HEADERS],
      ['POST', { query: QUERY, operationName: 'Nope' }, JSON_HEADERS],
      ['POST', { query: QUERY }, {}],
      ['POST', { query: QUERY }, { 'content-type': 'text/plain' }],
      ['POST', { query: QUERY }, { ...JSON_HEADERS, accept: 'text/html' }],
      ['POST', { query: 'query Unknown { hello }' }, JSON_HEADERS],
      ['POST', { query: twoOperations }, JSON_HEADERS],
      ['POST', { query: twoOperations, operationName: 'B' }, JSON_HEADERS],
      ['POST', { query: twoOperations, operationName: 'C' }, JSON_HEADERS],
    ];
    for (const [method, body, headers] of cases)
      expect(await fastPath.match(method, body, headers)).toBeUndefined();
    expect(
      await fastPath.match('POST', { query: twoOperations, operationName: 'A' }, JSON_HEADERS),
    ).toBeDefined();
  });

  it('sends every request to Apollo once closed', async () => {
    const fastPath = await fastPathFor();
    if (fastPath === undefined) throw new Error('expected a fast path');
    await learn(fastPath, QUERY);
    fastPath.close();
    expect(await fastPath.match('POST', { query: QUERY }, JSON_HEADERS)).toBeUndefined();
  });

  it('is unavailable when an error plugin has hooks it does not run', async () => {
    const plugin: ApolloServerPlugin<GatewayContext> = {
      requestDidStart: () => Promise.resolve({ willSendResponse: () => Promise.resolve() }),
    };
    expect(await fastPathFor([plugin])).toBeUndefined();
    expect(await fastPathFor([{ serverWillStart: () => Promise.resolve() }])).toBeUndefined();
    const errorsOnly: ApolloServerPlugin<GatewayContext> = {
      requestDidStart: () => Promise.resolve({ didEncounterErrors: () => Promise.resolve() }),
    };
    expect(await fastPathFor([errorsOnly])).toBeDefined();
  });

  it('answers like Apollo: 400 for a variable coercion error, the negotiated content-type', async () => {
    const fastPath = await fastPathFor();
    if (fastPath === undefined) throw new Error('expected a fast path');
    await learn(fastPath, QUERY);
    const request = await fastPath.match('POST', { query: QUERY, variables: { name: 1 } }, JSON_HEADERS);
    if (request === undefined) throw new Error('expected a match');
    const response = await fastPath.execute(request, {} as GatewayContext);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.body.toString('utf8')).toBe(
      '{"errors":[{"message":"Variable \\"$name\\" got invalid value 1; String cannot represent a non string value: 1","locations":[{"line":1,"column":13}],"extensions":{"code":"BAD_USER_INPUT"}}]}\n',
    );
  });

  it("serves a persisted query's hash only while Apollo's cache holds it and the text is learned", async () => {
    const cache = createPersistedQueryCache();
    const fastPath = await fastPathFor([], cache);
    if (fastPath === undefined) throw new Error('expected a fast path');
    const body = { variables: { name: 'x' }, extensions: PERSISTED };
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toBeUndefined();
    await learn(fastPath, QUERY);
    // Known text, unknown hash: Apollo's PERSISTED_QUERY_NOT_FOUND, not an answer from here.
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toBeUndefined();
    await cache.set(HASH, QUERY);
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toMatchObject({
      variables: { name: 'x' },
      operationName: undefined,
    });
    expect(await fastPath.match('POST', { ...body, query: null }, JSON_HEADERS)).toBeDefined();
    // Evicted from Apollo's cache: Apollo answers the miss.
    await cache.delete(HASH);
    expect(await fastPath.match('POST', body, JSON_HEADERS)).toBeUndefined();
  });

  it('leaves every other persisted-query request to Apollo', async () => {
    const cache = createPersistedQueryCache();
    await cache.set(HASH, QUERY);
    const fastPath = await fastPathFor([], cache);
    if (fastPath === undefined) throw new Error('expected a fast path');
    await learn(fastPath, QUERY);
    const persisted = (persistedQuery: unknown) => ({ extensions: { persistedQuery } });
    const cases: [string | undefined, unknown][] = [
      // Text and hash: Apollo checks them and writes its cache.
      ['POST', { query: QUERY, extensions: PERSISTED }],
      ['POST', { query: '', extensions: PERSISTED }],
      ['POST', persisted({ version: 2, sha256Hash: HASH })],
      ['POST', persisted({ version: '1', sha256Hash: HASH })],
      ['POST', persisted({ sha256Hash: HASH })],
      ['POST', persisted({ version: 1, sha256Hash: 1 })],
      ['POST', persisted({ version: 1, sha256Hash: HASH, extra: true })],
      ['POST', persisted(null)],
      ['POST', { extensions: { ...PERSISTED, other: {} } }],
      ['POST', { extensions: null }],
      ['POST', { extensions: JSON.stringify(PERSISTED) }],
      ['POST', { ...persisted({ version: 1, sha256Hash: HASH }), id: 1 }],
      ['POST', { extensions: PERSISTED, variables: [] }],
      ['GET', { extensions: PERSISTED }],
    ];
    for (const [method, body] of cases)
      expect(await fastPath.match(method, body, JSON_HEADERS)).toBeUndefined();
    expect(await fastPath.match('POST', { extensions: PERSISTED }, JSON_HEADERS)).toBeDefined();

    const withoutCache = await fastPathFor();
    if (withoutCache === undefined) throw new Error('expected a fast path');
    await learn(withoutCache, QUERY);
    expect(await withoutCache.match('POST', { extensions: PERSISTED }, JSON_HEADERS)).toBeUndefined();

    const failing: KeyValueCache = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(),
    };
    const overFailingCache = await fastPathFor([], failing);
    if (overFailingCache === undefined) throw new Error('expected a fast path');
    await learn(overFailingCache, QUERY);
    expect(await overFailingCache.match('POST', { extensions: PERSISTED }, JSON_HEADERS)).toBeUndefined();
  });

  it("finds the hashes Apollo registers in the cache it is given (one cache, Apollo's keys)", async () => {
    const cache = createPersistedQueryCache();
    const fastPath = await fastPathFor([], cache);
    if (fastPath === undefined) throw new Error('expected a fast path');
    const apollo = new ApolloServer<GatewayContext>({
      schema,
      persistedQueries: { cache },
      plugins: [fastPath.plugin],
    });
    await apollo.start();
    try {
      const post = (body: Record<string, unknown>) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: 'POST',
            headers: new HeaderMap([['content-type', 'application/json']]),
            search: '',
            body,
          },
          context: () => Promise.resolve({} as GatewayContext),
        });
      const hashOnly = { variables: { name: 'x' }, extensions: PERSISTED };
      const miss = await post(hashOnly);
      expect(miss.body).toMatchObject({
        string: expect.stringContaining('PERSISTED_QUERY_NOT_FOUND') as unknown,
      });
      expect(await fastPath.match('POST', hashOnly, JSON_HEADERS)).toBeUndefined();
      const registered = await post({ ...hashOnly, query: QUERY });
      expect(registered.status ?? 200).toBe(200);
      expect(await fastPath.match('POST', hashOnly, JSON_HEADERS)).toBeDefined();
    } finally {
      await apollo.stop();
    }
  });
});
