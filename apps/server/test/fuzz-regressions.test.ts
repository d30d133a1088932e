import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';

// Found by test/fuzz.test.ts; kept as plain tests so they stay fixed whatever the fuzzer draws.
let gateway: GatewayHarness;
const internalErrors: unknown[] = [];
beforeAll(async () => {
  const logger = {
    debug() {},
    info() {},
    warn() {},
    error: (fields: Record<string, unknown>) => {
      if (fields['event'] === 'gateway.internal-error' || fields['event'] === 'gateway.http.error')
        internalErrors.push(fields);
    },
    child: () => logger,
  };
  gateway = await startGateway({ server: { logger } });
});
afterAll(async () => {
  await gateway.close();
});

const SUBSCRIPTION_WITH_INCLUDE = `subscription ($flag: Boolean = true) {
  invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "x" }) @include(if: $flag) { __typename }
}`;

describe('fuzz findings', () => {
  it('refuses a subscription whose root field has @include with a variable over HTTP with 400, not 500', async () => {
    for (const variables of [{}, { flag: null }, { flag: 'yes' }]) {
      const post = await gateway.gql(SUBSCRIPTION_WITH_INCLUDE, variables);
      expect(post.status).toBe(400);
      expect(post.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
      expect(post.body.errors?.[0]?.message).toContain('graphql-ws');
      const get = await fetch(
        `${gateway.url}?query=${encodeURIComponent(SUBSCRIPTION_WITH_INCLUDE)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      );
      expect(get.status).toBe(400);
    }
    expect(internalErrors).toEqual([]);
  });

  it('answers the same subscription over graphql-ws with a validation error', async () => {
    const { errors } = await subscribeAll(gateway.ws(), SUBSCRIPTION_WITH_INCLUDE, { flag: true });
    expect(errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) as object,
      }),
    ]);
  });

  it('answers a null directive variable (declared with a default) with BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    for (const query of [
      `query ($flag: Boolean = true) { __typename @include(if: $flag) }`,
      `query ($flag: Boolean = true) { models { modelId @skip(if: $flag) } }`,
      `query ($flag: Boolean = true) { ... @include(if: $flag) { models { modelId } } }`,
    ]) {
      const { status, body } = await gateway.gql(query, { flag: null });
      expect(status, query).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message, query).toContain('must not be null');
    }
    expect(internalErrors).toEqual([]);
  });

  it('refuses invokeRaw with an empty model ID as BAD_USER_INPUT before any Bedrock call, not INTERNAL_SERVER_ERROR', async () => {
    // It became the path /model//invoke, which no operation answers (a 404 the gateway could not place).
    for (const modelId of ['', '   ']) {
      const { status, body } = await gateway.gql(
        `mutation ($id: ID!) { invokeRaw(modelId: $id, body: { a: 1 }) }`,
        {
          id: modelId,
        },
      );
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'modelId' });
      expect(body.errors?.[0]?.message).toContain('modelId is empty');
    }
    expect(internalErrors).toEqual([]);
  });
});
