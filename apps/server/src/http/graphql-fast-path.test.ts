import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { buildSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../context.js';
import { createGraphQLFastPath, type GraphQLFastPath } from './graphql-fast-path.js';

const schema = buildSchema(`
  type Query { hello(name: String): String, catalog: String }
  type Mutation { touch: Boolean }
  type Subscription { ticks: Int }
`);
const QUERY = 'query Hello($name: String) { hello(name: $name) }';
const JSON_HEADERS = { 'content-type': 'application/json' };

async function fastPathFor(
  errorPlugins: ApolloServerPlugin<GatewayContext>[] = [],
): Promise<GraphQLFastPath | undefined> {
  return createGraphQLFastPath({
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
    expect(fastPath.match('POST', body, JSON_HEADERS)).toBeUndefined();
    await learn(fastPath, QUERY);
    expect(fastPath.match('POST', body, JSON_HEADERS)).toMatchObject({
      variables: { name: 'x' },
      operationName: 'Hello',
      contentType: 'application/json; charset=utf-8',
    });
    expect(
      fastPath.match('POST', body, { ...JSON_HEADERS, accept: 'application/graphql-response+json' })
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
      expect(fastPath.match(method, body, headers)).toBeUndefined();
    expect(fastPath.match('POST', { query: twoOperations, operationName: 'A' }, JSON_HEADERS)).toBeDefined();
  });

  it('sends every request to Apollo once closed', async () => {
    const fastPath = await fastPathFor();
    if (fastPath === undefined) throw new Error('expected a fast path');
    await learn(fastPath, QUERY);
    fastPath.close();
    expect(fastPath.match('POST', { query: QUERY }, JSON_HEADERS)).toBeUndefined();
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
    const request = fastPath.match('POST', { query: QUERY, variables: { name: 1 } }, JSON_HEADERS);
    if (request === undefined) throw new Error('expected a match');
    const response = await fastPath.execute(request, {} as GatewayContext);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual({
      kind: 'complete',
      string:
        '{"errors":[{"message":"Variable \\"$name\\" got invalid value 1; String cannot represent a non string value: 1","locations":[{"line":1,"column":13}],"extensions":{"code":"BAD_USER_INPUT"}}]}\n',
    });
  });
});
