import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';

/**
 * The HTTP fast path must answer exactly what Apollo does. Every request below goes to a gateway
 * with the fast path and to one without it, twice each (the first teaches the fast path the
 * document, the second is served by it when it can); status, headers and body bytes must match.
 */

interface Sent {
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly search?: string;
  readonly headers?: Record<string, string>;
}

const INVOKE = `mutation Invoke($input: InvokeInput!) {
  invoke(input: $input) { text stopReason rawStopReason modelId baseModelId usage { inputTokens outputTokens totalTokens } }
}`;
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const input = { modelId: HAIKU, prompt: 'Describe a harbor.', maxTokens: 20 };
const TWO_OPERATIONS = `query Profiles { inferenceProfiles { inferenceProfileId } }
mutation Invoke($input: InvokeInput!) { invoke(input: $input) { text } }`;

const EMBED_MODEL = 'cohere.embed-english-v3'; // 1,024 dimensions
const EMBED_TEXTS = Array.from({ length: 12 }, (_, index) => `harbor ${index} `.repeat(20 + index));

const json = (value: unknown): string => JSON.stringify(value);
const post = (body: unknown, headers: Record<string, string> = {}): Sent => ({
  body: json(body),
  headers: { 'content-type': 'application/json', ...headers },
});

/** [name, request] — successes, each kind of error, and each way a request leaves the fast path. */
const CORPUS: [string, Sent][] = [
  ['a mutation', post({ query: INVOKE, variables: { input } })],
  ['a mutation by operation name', post({ query: INVOKE, variables: { input }, operationName: 'Invoke' })],
  [
    'null operationName and variables',
    post({ query: '{ inferenceProfiles { inferenceProfileId } }', variables: null, operationName: null }),
  ],
  ['a query', post({ query: '{ inferenceProfiles { inferenceProfileId inferenceProfileName } }' })],
  [
    'a query with an empty variables object',
    post({ query: '{ customModels { modelName } }', variables: {} }),
  ],
  ['one of two operations (query)', post({ query: TWO_OPERATIONS, operationName: 'Profiles' })],
  [
    'one of two operations (mutation)',
    post({ query: TWO_OPERATIONS, operationName: 'Invoke', variables: { input } }),
  ],
  ['two operations, no operationName', post({ query: TWO_OPERATIONS })],
  ['an unknown operationName', post({ query: INVOKE, variables: { input }, operationName: 'Nope' })],
  ['an empty operationName', post({ query: INVOKE, variables: { input }, operationName: '' })],
  [
    'a resolver error with extensions (unknown model)',
    post({ query: INVOKE, variables: { input: { ...input, modelId: 'anthropic.claude-nope' } } }),
  ],
  [
    'a resolver error with a field (maxTokens too large)',
    post({ query: INVOKE, variables: { input: { ...input, maxTokens: 1_000_000 } } }),
  ],
  ['a missing variable', post({ query: INVOKE })],
  [
    'a variable of the wrong type',
    post({ query: INVOKE, variables: { input: { ...input, maxTokens: 'many' } } }),
  ],
  ['a variable missing a required field', post({ query: INVOKE, variables: { input: { prompt: 'x' } } })],
  [
    'a variable with a misspelt field (a suggestion)',
    post({ query: INVOKE, variables: { input: { ...input, modelld: HAIKU } } }),
  ],
  [
    'a variable with an unknown enum value',
    post({
      query: 'mutation ($input: InvokeInput!) { invoke(input: $input) { text } }',
      variables: { input: { modelId: HAIKU, messages: [{ role: 'USR', content: 'hi' }] } },
    }),
  ],
  ['variables that are not an object', post({ query: INVOKE, variables: [input] })],
  ['variables as a string', post({ query: INVOKE, variables: json({ input }) })],
  [
    'a null @include variable',
    post({
      query: 'query ($flag: Boolean = true) { inferenceProfiles @include(if: $flag) { inferenceProfileId } }',
      variables: { flag: null },
    }),
  ],
  // Answers large enough (tens to hundreds of KB) that the fast path writes them piecewise, with
  // base64 strings copied as they are (src/http/json-bytes.ts).
  ...(['base64', 'values', 'index dimensions base64 values'] as const).map((selection): [string, Sent] => [
    `an embed answer selecting ${selection}`,
    post({
      query: `mutation ($input: EmbedInput!) { embed(input: $input) { embeddings { index ${selection} } } }`,
      variables: { input: { modelId: EMBED_MODEL, texts: EMBED_TEXTS } },
    }),
  ]),
  ['a validation error', post({ query: '{ inferenceProfiles { nope } }' })],
  ['a validation error with a suggestion', post({ query: '{ inferenceProfile { inferenceProfileId } }' })],
  ['a syntax error', post({ query: '{ inferenceProfiles { ' })],
  [
    'too many aliases',
    post({
      query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: __typename`).join(' ')} inferenceProfiles { inferenceProfileId } }`,
    }),
  ],
  [
    'too deep',
    post({
      query: `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`,
    }),
  ],
  ['introspection', post({ query: '{ __schema { queryType { name } } }' })],
  [
    'a catalog query (the response cache)',
    post({ query: '{ models(filter: { provider: "anthropic" }) { modelId } }' }),
  ],
  ['__typename only', post({ query: '{ __typename }' })],
  ['a subscription', post({ query: 'subscription { __typename }' })],
  ['an empty query', post({ query: '' })],
  ['no query', post({ variables: {} })],
  ['extensions', post({ query: INVOKE, variables: { input }, extensions: {} })],
  [
    'an unknown persisted query',
    post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
  ],
  ['an extra body field', post({ query: INVOKE, variables: { input }, id: 1 })],
  ['a batch', post([{ query: '{ __typename }' }])],
  [
    'content-type with charset',
    post({ query: INVOKE, variables: { input } }, { 'content-type': 'application/json; charset=utf-8' }),
  ],
  [
    'content-type in capitals',
    post({ query: INVOKE, variables: { input } }, { 'content-type': 'Application/JSON; charset=UTF-8' }),
  ],
  [
    'content-type text/plain (CSRF)',
    post({ query: INVOKE, variables: { input } }, { 'content-type': 'text/plain' }),
  ],
  [
    'content-type text/plain with a preflight header',
    post(
      { query: INVOKE, variables: { input } },
      { 'content-type': 'text/plain', 'apollo-require-preflight': '1' },
    ),
  ],
  [
    'content-type application/graphql',
    post({ query: INVOKE, variables: { input } }, { 'content-type': 'application/graphql' }),
  ],
  ...[
    '*/*',
    '',
    'application/json',
    'application/json; charset=utf-8',
    'application/json, text/plain, */*',
    'application/graphql-response+json',
    'application/graphql-response+json, application/json;q=0.9',
    'application/graphql-response+json,application/json;q=0.9',
    'application/json;q=0.5, application/graphql-response+json',
    'text/html',
    'multipart/mixed',
  ].map((accept): [string, Sent] => [
    `accept ${JSON.stringify(accept)}`,
    post({ query: INVOKE, variables: { input } }, { accept }),
  ]),
  [
    'accept text/html with an error',
    post({ query: INVOKE, variables: { input: { prompt: 'x' } } }, { accept: 'text/html' }),
  ],
  [
    'a GET query',
    { method: 'GET', search: `?query=${encodeURIComponent('{ inferenceProfiles { inferenceProfileId } }')}` },
  ],
  [
    'a GET mutation',
    {
      method: 'GET',
      search: `?query=${encodeURIComponent(INVOKE)}`,
      headers: { 'apollo-require-preflight': '1' },
    },
  ],
];

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** Automatic Persisted Query extensions for `query`'s hash. */
const persisted = (query: string, persistedQuery: Record<string, unknown> = {}) => ({
  persistedQuery: { version: 1, sha256Hash: sha256(query), ...persistedQuery },
});
/** The hash alone (what APQ clients send first), with other body fields. */
const byHash = (query: string, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post({ ...fields, extensions: persisted(query) }, headers);
/** The text with its hash (what APQ clients send after PERSISTED_QUERY_NOT_FOUND). */
const register = (query: string, fields: Record<string, unknown> = {}) =>
  post({ query, ...fields, extensions: persisted(query) });
/** Each case's own text, so its own hash: every case shares each gateway's cache. */
const own = (label: string, query: string): string => `# ${label}\n${query}`;
const PROFILES = '{ inferenceProfiles { inferenceProfileId } }';

const INVOKE_APQ = own('invoke', INVOKE);
const PROFILES_APQ = own('profiles', PROFILES);
const TWO_APQ = own('two operations', TWO_OPERATIONS);
const INLINE_ONLY = own('inline only', PROFILES);
const WRONG_HASH = own('wrong hash', PROFILES);
const INVALID = own('invalid', '{ inferenceProfiles { nope } }');
const CATALOG = own('catalog', '{ models(filter: { provider: "anthropic" }) { modelId } }');

/**
 * [name, requests] — persisted queries, whose answers depend on what each gateway's cache holds
 * from the requests before: each request goes to the reference gateway and then to the fast one.
 */
const APQ_SEQUENCES: [string, Sent[]][] = [
  ['an unknown hash (PERSISTED_QUERY_NOT_FOUND)', [byHash(own('unknown', PROFILES))]],
  [
    'a register, then the hash alone (a mutation)',
    [
      byHash(INVOKE_APQ, { variables: { input } }),
      register(INVOKE_APQ, { variables: { input } }),
      byHash(INVOKE_APQ, { variables: { input } }),
      byHash(INVOKE_APQ, { variables: { input }, operationName: 'Invoke' }),
      byHash(INVOKE_APQ, { variables: { input } }, { accept: 'application/graphql-response+json' }),
      byHash(INVOKE_APQ, { variables: { input }, query: null, operationName: null }),
    ],
  ],
  [
    'the hash alone with a variable coercion error, a missing variable, a resolver error',
    [
      register(INVOKE_APQ, { variables: { input } }),
      byHash(INVOKE_APQ, { variables: { input: { ...input, maxTokens: 'many' } } }),
      byHash(INVOKE_APQ),
      byHash(INVOKE_APQ, { variables: { input: { ...input, modelId: 'anthropic.claude-nope' } } }),
      byHash(INVOKE_APQ, { variables: [input] }),
    ],
  ],
  [
    'the hash alone of a query, over POST and GET',
    [
      register(PROFILES_APQ),
      byHash(PROFILES_APQ),
      byHash(PROFILES_APQ, { variables: {} }),
      { method: 'GET', search: `?extensions=${encodeURIComponent(json(persisted(PROFILES_APQ)))}` },
    ],
  ],
  [
    'the hash alone choosing one of two operations',
    [
      register(TWO_APQ, { operationName: 'Profiles' }),
      byHash(TWO_APQ, { operationName: 'Profiles' }),
      byHash(TWO_APQ, { operationName: 'Invoke', variables: { input } }),
      byHash(TWO_APQ),
      byHash(TWO_APQ, { operationName: 'Nope' }),
    ],
  ],
  [
    'a text known inline whose hash was never registered',
    [post({ query: INLINE_ONLY }), post({ query: INLINE_ONLY }), byHash(INLINE_ONLY)],
  ],
  [
    'a wrong hash with the text (nothing registered)',
    [
      post({ query: WRONG_HASH, extensions: persisted(WRONG_HASH, { sha256Hash: sha256('other') }) }),
      post({ extensions: persisted(WRONG_HASH, { sha256Hash: sha256('other') }) }),
      byHash(WRONG_HASH),
    ],
  ],
  [
    'an uppercase hash',
    [
      register(PROFILES_APQ),
      post({ extensions: persisted(PROFILES_APQ, { sha256Hash: sha256(PROFILES_APQ).toUpperCase() }) }),
    ],
  ],
  ['a register that fails validation (nothing registered)', [register(INVALID), byHash(INVALID)]],
  [
    'an unsupported version, a hash that is no string',
    [
      register(PROFILES_APQ),
      post({ extensions: persisted(PROFILES_APQ, { version: 2 }) }),
      post({ extensions: persisted(PROFILES_APQ, { version: '1' }) }),
      post({ extensions: persisted(PROFILES_APQ, { sha256Hash: 1 }) }),
      post({ extensions: { persistedQuery: null } }),
    ],
  ],
  [
    'more extensions than the persisted query',
    [
      register(PROFILES_APQ),
      post({ extensions: { ...persisted(PROFILES_APQ), clientLibrary: { name: 'x', version: '1' } } }),
      post({ extensions: persisted(PROFILES_APQ, { extra: true }) }),
      post({ extensions: json(persisted(PROFILES_APQ)) }),
    ],
  ],
  ['a catalog query by hash (the response cache)', [register(CATALOG), byHash(CATALOG), byHash(CATALOG)]],
];

/** Headers whose values differ by time or connection, not by what was answered. */
const VOLATILE = new Set(['date', 'keep-alive', 'connection']);

async function send(
  url: string,
  request: Sent,
): Promise<{ status: number; headers: [string, string][]; body: string }> {
  const response = await fetch(`${url}${request.search ?? ''}`, {
    method: request.method ?? 'POST',
    headers: { 'x-request-id': 'differential', ...request.headers },
    ...(request.body !== undefined && { body: request.body }),
  });
  const headers = [...response.headers].filter(([name]) => !VOLATILE.has(name)).sort();
  return { status: response.status, headers, body: await response.text() };
}

describe.each([false, true])('the HTTP fast path answers as Apollo does (production: %s)', (production) => {
  let fast: GatewayHarness;
  let reference: GatewayHarness;
  beforeAll(async () => {
    [fast, reference] = await Promise.all([
      startGateway({ server: { production } }),
      startGateway({ server: { production, httpFastPath: false } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fast.close(), reference.close()]);
  });

  it.each(CORPUS)('%s', async (_name, request) => {
    for (let round = 0; round < 2; round++) {
      const expected = await send(reference.url, request);
      const actual = await send(fast.url, request);
      expect(actual).toEqual(expected);
    }
  });

  it.each(APQ_SEQUENCES)('persisted queries: %s', async (_name, requests) => {
    for (let round = 0; round < 2; round++) {
      for (const request of requests) {
        const expected = await send(reference.url, request);
        const actual = await send(fast.url, request);
        expect(actual).toEqual(expected);
      }
    }
  });

  // Runs last: the comparisons above prove something only if the fast path answered many of them.
  it('answered the repeated requests on the fast path, and never on the reference gateway', async () => {
    const served = async (gateway: GatewayHarness) => {
      const text = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
      return Number(/^quarry_http_fast_path_requests_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
    };
    expect(await served(fast)).toBeGreaterThanOrEqual(40);
    expect(await served(reference)).toBe(0);
  });
});
