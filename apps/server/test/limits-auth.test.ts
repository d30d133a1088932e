import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  startGateway,
  subscribeAll,
  type GatewayHarness,
} from './support/gateway-harness.js';

const KEY = 'test-admin-key-0123456789';

describe('authentication', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({ server: { adminKey: KEY } });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('refuses HTTP requests without the key with 401 UNAUTHENTICATED', async () => {
    const missing = await gateway.gql(`{ models { modelId } }`);
    expect(missing.status).toBe(401);
    expect(missing.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const wrong = await gateway.gql(`{ models { modelId } }`, undefined, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('serves HTTP requests with the key', async () => {
    const { status, body } = await gateway.gql<{ models: unknown[] }>(`{ models { modelId } }`, undefined, {
      authorization: `Bearer ${KEY}`,
    });
    expect(status).toBe(200);
    expect(body.data?.models.length).toBeGreaterThan(0);
  });

  it('closes a graphql-ws connection whose connection_init lacks the key', async () => {
    const { errors } = await subscribeAll(
      gateway.ws({}),
      `subscription { invokeStream(input: { modelId: "x", prompt: "y" }) { __typename } }`,
      {},
    );
    expect((errors as { code?: number }).code).toBe(4403);
  });

  it('accepts a graphql-ws connection with the key', async () => {
    const { results, errors } = await subscribeAll<{ invokeStream: { __typename: string } }>(
      gateway.ws({ authorization: `Bearer ${KEY}` }),
      `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "hi", maxTokens: 5 }) { __typename } }`,
      {},
    );
    expect(errors).toBeUndefined();
    expect(results.at(-1)?.invokeStream.__typename).toBe('StreamEnd');
  });

  it('keeps /health open for probes', async () => {
    const response = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });
});

describe('request limits', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({
      server: {
        limits: {
          ...DEFAULT_LIMITS,
          depth: 2,
          httpBodyBytes: 4_096,
          wsMessageBytes: 4_096,
          subscriptionsPerSocket: 2,
        },
      },
      emulator: { faults: [{ modelId: 'amazon.titan-text-lite-v1', fault: 'stall;after=1' }] },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('refuses queries deeper than the depth limit', async () => {
    // Quarry's schema has no cycles, so this gateway runs with depth 2 to exercise the limit.
    expect((await gateway.gql(`{ models { modelId } }`)).body.errors).toBeUndefined();
    const { body } = await gateway.gql(`{ models { inferenceProfiles { modelArns } } }`);
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('bounds introspection depth too, admitting the standard introspection query', async () => {
    // Tools send this one (GraphiQL, Apollo Sandbox, codegen); it passes even at depth 2.
    const standard = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, oneOf: true });
    expect((await gateway.gql(standard)).body.errors).toBeUndefined();
    const deep = `{ __schema { types { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } } }`;
    const { body } = await gateway.gql(deep);
    expect(body.errors?.[0]?.message).toMatch(/^Introspection depth limit of \d+ exceeded, found 33\.$/);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const overSocket = await subscribeAll(gateway.ws(), deep, {});
    expect(JSON.stringify(overSocket.errors)).toContain('Introspection depth limit');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: models { modelId }`).join(' ');
    const { body } = await gateway.gql(`{ ${aliases} }`);
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const { status, body } = await gateway.gql(`{ models { modelId } }`, { padding: 'x'.repeat(10_000) });
    expect(status).toBe(413);
    expect(body.errors?.[0]?.message).toContain('4096 bytes');
    expect((await gateway.gql(`{ models { modelId } }`)).status).toBe(200);
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_REQUEST');
  });

  it('limits concurrent subscriptions per socket', async () => {
    const client = gateway.ws();
    const query = `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "hang", maxTokens: 50 }) { __typename } }`;
    const firstTwo = [0, 1].map(
      () =>
        new Promise<() => void>((resolve) => {
          const stop = client.subscribe(
            { query },
            { next: () => resolve(stop), error: () => resolve(stop), complete: () => undefined },
          );
        }),
    );
    const stops = await Promise.all(firstTwo);
    const third = await subscribeAll(client, query, {});
    expect(JSON.stringify(third.errors)).toContain('RATE_LIMITED');
    for (const stop of stops) stop();
  });

  it('closes a socket that sends a message over the size limit', async () => {
    const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(10_000) } }));
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(1009);
  });

  it('parses graphql-ws clients through the same limits', async () => {
    const client = createClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const aliases = Array.from(
      { length: 20 },
      (_, index) => `a${index}: invokeStream(input: { modelId: "x", prompt: "y" }) { __typename }`,
    ).join(' ');
    const { errors } = await subscribeAll(client, `subscription { ${aliases} }`, {});
    expect(JSON.stringify(errors)).toMatch(/alias/i);
    await client.dispose();
  });
});
