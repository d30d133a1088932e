import type { QuarryClient } from '@quarry/core';
import { request } from 'node:http';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITED_RETRY_AFTER_MS } from '../src/errors/format-error.js';
import { DEFAULT_LIMITS, startGateway, subscribeAll } from './support/gateway-harness.js';
import { createTestDatabase } from './support/test-databases.js';

const INVOKE = `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "hi" }) { text } }`;
const STREAM = `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "hi", maxTokens: 50 }) { __typename } }`;

/** A client whose invoke waits until its signal aborts, and reports that it did. */
/** An invoke that never answers; `onStart` hears each call reach the client (tests wait for it, not for a fixed time). */
function hangingInvoke(onAbort: (reason: unknown) => void, onStart: () => void = () => undefined) {
  return (client: QuarryClient): QuarryClient => ({
    ...client,
    invoke: (_modelId, _request, options) =>
      new Promise((_resolve, reject) => {
        onStart();
        options?.signal?.addEventListener('abort', () => {
          onAbort(options.signal?.reason);
          reject(options.signal?.reason as Error);
        });
      }),
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('cancellation reaches the upstream call', () => {
  it('aborts the invoke when the HTTP client disconnects', async () => {
    let aborted: unknown;
    const gateway = await startGateway({ wrapClient: hangingInvoke((reason) => (aborted = reason)) });
    try {
      const outgoing = request(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      outgoing.on('error', () => undefined);
      outgoing.end(JSON.stringify({ query: INVOKE }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      outgoing.destroy();
      await waitFor(() => aborted !== undefined);
      expect(String(aborted)).toContain('client disconnected');
      // Audited as what it was, the client's choice: cancelled, not an internal error.
      const audited = async () =>
        (
          await gateway.gql<{
            auditLog: { entries: { operation: string; outcome: string; errorCode: string | null }[] };
          }>('{ auditLog(first: 5) { entries { operation outcome errorCode } } }')
        ).body.data?.auditLog.entries.find((entry) => entry.operation === 'invoke');
      let entry = await audited();
      for (let tries = 0; entry === undefined && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        entry = await audited();
      }
      expect(entry).toEqual({ operation: 'invoke', outcome: 'cancelled', errorCode: null });
    } finally {
      await gateway.close();
    }
  });

  it('aborts a mutation sent over graphql-ws when its socket closes', async () => {
    let aborted: unknown;
    let started = 0;
    const gateway = await startGateway({
      wrapClient: hangingInvoke(
        (reason) => (aborted = reason),
        () => (started += 1),
      ),
    });
    try {
      const client = gateway.ws();
      void subscribeAll(client, INVOKE, {});
      await waitFor(() => started === 1);
      await client.dispose();
      await waitFor(() => aborted !== undefined);
      expect(String(aborted)).toContain('socket closed');
    } finally {
      await gateway.close();
    }
  });

  it('keeps cancelling by operation when a client reuses a completed id', async () => {
    const aborted: unknown[] = [];
    let started = 0;
    const gateway = await startGateway({
      wrapClient: hangingInvoke(
        (reason) => aborted.push(reason),
        () => (started += 1),
      ),
    });
    const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
    try {
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => socket.once('message', resolve));
      const subscribe = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: INVOKE } });
      socket.send(subscribe);
      await waitFor(() => started === 1);
      // graphql-ws frees the id at once, so a client may start a new operation under it.
      socket.send(JSON.stringify({ id: '1', type: 'complete' }));
      socket.send(subscribe);
      await waitFor(() => aborted.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(aborted).toHaveLength(1); // only the completed one
      socket.close();
      await waitFor(() => aborted.length === 2);
      expect(String(aborted[1])).toContain('socket closed');
    } finally {
      socket.terminate();
      await gateway.close();
    }
  });

  it('aborts a mutation sent over graphql-ws when the client completes it', async () => {
    let aborted: unknown;
    const gateway = await startGateway({ wrapClient: hangingInvoke((reason) => (aborted = reason)) });
    const client = gateway.ws();
    try {
      const unsubscribe = client.subscribe(
        { query: INVOKE },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(aborted).toBeUndefined();
      unsubscribe(); // sends `complete`; the socket stays open
      await waitFor(() => aborted !== undefined);
      expect(String(aborted)).toContain('completed by the client');
    } finally {
      await client.dispose();
      await gateway.close();
    }
  });
});

describe('masking over both transports', () => {
  const broken = (client: QuarryClient): QuarryClient => ({
    ...client,
    invoke: () => Promise.reject(new TypeError('bug at /srv/quarry/secret.js')),
  });

  it('masks an unexpected resolver error in production over HTTP and graphql-ws', async () => {
    const gateway = await startGateway({ server: { production: true }, wrapClient: broken });
    try {
      const { body } = await gateway.gql(INVOKE);
      expect(body.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      const { errors } = await subscribeAll(gateway.ws(), INVOKE, {});
      expect(JSON.stringify(errors)).toContain('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(errors)).not.toContain('secret.js');
    } finally {
      await gateway.close();
    }
  });

  it('refuses introspection over graphql-ws in production', async () => {
    const gateway = await startGateway({ server: { production: true } });
    try {
      const { results, errors } = await subscribeAll(gateway.ws(), `{ __schema { types { name } } }`, {});
      expect(results).toEqual([]);
      expect(JSON.stringify(errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await gateway.close();
    }
  });
});

describe('limits and contract edges', () => {
  it('answers a query over the token limit with 400 GRAPHQL_PARSE_FAILED on HTTP and the same code on graphql-ws', async () => {
    const gateway = await startGateway({ server: { limits: { ...DEFAULT_LIMITS, tokens: 8 } } });
    try {
      const query = `{ models { modelId modelName providerName contextWindow maxOutputTokens family lifecycleStatus } }`;
      const { status, body } = await gateway.gql(query);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
      const { errors } = await subscribeAll(gateway.ws(), query, {});
      expect(JSON.stringify(errors)).toContain('GRAPHQL_PARSE_FAILED');
    } finally {
      await gateway.close();
    }
  });

  it('answers a query too large to cache over graphql-ws, every time', async () => {
    const gateway = await startGateway();
    try {
      // Whitespace is no token, so this stays under the token limit while exceeding the 8 KiB the
      // document cache keeps: each send is parsed and validated afresh.
      const query = `{ model(id: "amazon.titan-text-lite-v1") { modelId } }${' '.repeat(64 * 1024)}`;
      for (let round = 0; round < 2; round++) {
        const { results, errors } = await subscribeAll<{ model: { modelId: string } }>(
          gateway.ws(),
          query,
          {},
        );
        expect(errors).toBeUndefined();
        expect(results).toEqual([{ model: { modelId: 'amazon.titan-text-lite-v1' } }]);
      }
    } finally {
      await gateway.close();
    }
  });

  it('refuses more directives than the limit', async () => {
    const gateway = await startGateway({ server: { limits: { ...DEFAULT_LIMITS, directives: 2 } } });
    try {
      const { body } = await gateway.gql(
        `{ models @include(if: true) @include(if: true) @include(if: true) { modelId } }`,
      );
      expect(body.errors?.[0]?.message).toMatch(/directive/i);
    } finally {
      await gateway.close();
    }
  });

  it('points subscriptions sent over HTTP at graphql-ws', async () => {
    const gateway = await startGateway();
    try {
      const { status, body } = await gateway.gql(STREAM);
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(body.errors?.[0]?.message).toContain('graphql-ws');
    } finally {
      await gateway.close();
    }
  });

  it('refuses streams past the gateway-wide cap with RATE_LIMITED', async () => {
    const gateway = await startGateway({
      server: { limits: { ...DEFAULT_LIMITS, streams: 1 } },
      emulator: { faults: [{ modelId: 'amazon.titan-text-lite-v1', fault: 'stall;after=1' }] },
    });
    try {
      const first = gateway.ws();
      await new Promise<void>((resolve) => {
        first.subscribe(
          { query: STREAM },
          { next: () => resolve(), error: () => resolve(), complete: () => resolve() },
        );
      });
      const { errors } = await subscribeAll(gateway.ws(), STREAM, {});
      const [refused] = errors as { extensions?: Record<string, unknown> }[];
      expect(refused?.extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterMs: DEFAULT_RATE_LIMITED_RETRY_AFTER_MS,
      });
      await first.dispose();
      await waitFor(() => gateway.emulator.stats.snapshot().activeStreams === 0);
      // The slot is released with the first stream: a new one is accepted again.
      const again = gateway.ws();
      const opened = await new Promise<string>((resolve) => {
        again.subscribe(
          { query: STREAM },
          {
            next: () => resolve('next'),
            error: (error) => resolve(JSON.stringify(error)),
            complete: () => resolve('complete'),
          },
        );
      });
      expect(opened).toBe('next');
    } finally {
      await gateway.close();
    }
  });

  it('refuses embed batches over the limit', async () => {
    const gateway = await startGateway({ server: { limits: { ...DEFAULT_LIMITS, embedTexts: 3 } } });
    try {
      const { body } = await gateway.gql(
        `mutation { embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: ["a", "b", "c", "d"] }) { embeddings { index } } }`,
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.texts' });
    } finally {
      await gateway.close();
    }
  });

  it('refuses JSON nested deeper than 64 levels with BAD_USER_INPUT', async () => {
    const gateway = await startGateway();
    try {
      let deep: unknown = 1;
      for (let level = 0; level < 200; level++) deep = { a: deep };
      const { body } = await gateway.gql(
        `mutation ($body: JSON!) { invokeRaw(modelId: "meta.llama3-8b-instruct-v1:0", body: $body) }`,
        {
          body: deep,
        },
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toContain('64 levels');
    } finally {
      await gateway.close();
    }
  });

  it('reports /ready 200 when the upstream answers, naming the upstream only in development', async () => {
    const gateway = await startGateway({ server: { development: true } });
    const plain = await startGateway();
    try {
      const answer = await fetch(gateway.url.replace('/graphql', '/ready'));
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { status: string; upstream: string; models: number };
      expect(body).toMatchObject({ status: 'ready', upstream: 'emulator (test)' });
      expect(body.models).toBeGreaterThan(0);
      // Neither development nor production (NODE_ENV unset, staging, test): no addresses either.
      const plainAnswer = await fetch(plain.url.replace('/graphql', '/ready'));
      expect(plainAnswer.status).toBe(200);
      expect(await plainAnswer.json()).toEqual({ status: 'ready' });
    } finally {
      await Promise.all([gateway.close(), plain.close()]);
    }
  });

  it('reports /ready 503 when the upstream fails, without details in production', async () => {
    const down = (client: QuarryClient): QuarryClient => ({
      ...client,
      listModels: () => Promise.reject(new Error('ECONNREFUSED 10.0.0.1')),
    });
    const dev = await startGateway({ wrapClient: down, server: { development: true } });
    const prod = await startGateway({ wrapClient: down, server: { production: true } });
    try {
      const devAnswer = await fetch(dev.url.replace('/graphql', '/ready'));
      expect(devAnswer.status).toBe(503);
      expect(await devAnswer.text()).toContain('ECONNREFUSED');
      const prodAnswer = await fetch(prod.url.replace('/graphql', '/ready'));
      expect(prodAnswer.status).toBe(503);
      expect(await prodAnswer.json()).toEqual({ status: 'unavailable', failing: ['upstream'] });
    } finally {
      await Promise.all([dev.close(), prod.close()]);
    }
  });
});

describe('readiness with the database', () => {
  it('reports /ready 503 naming the database when it does not answer', async () => {
    const database = await createTestDatabase('sqlite');
    const store = await database.open();
    const gateway = await startGateway({
      store: { ...store, ping: () => Promise.reject(new Error('disk I/O error')) },
      server: { development: true },
    });
    const prod = await startGateway({
      store: { ...store, ping: () => Promise.reject(new Error('disk I/O error')) },
      server: { production: true },
    });
    try {
      const answer = await fetch(gateway.url.replace('/graphql', '/ready'));
      expect(answer.status).toBe(503);
      expect(await answer.json()).toMatchObject({
        status: 'unavailable',
        failing: ['database'],
        databaseReason: 'disk I/O error',
        database: `sqlite ${database.location.kind === 'sqlite' ? database.location.path : ''}`,
      });
      const prodAnswer = await fetch(prod.url.replace('/graphql', '/ready'));
      expect(await prodAnswer.json()).toEqual({ status: 'unavailable', failing: ['database'] });
    } finally {
      await Promise.all([gateway.close(), prod.close()]);
      await database.drop();
    }
  });
});

describe('bounded shutdown', () => {
  it('finishes within the grace period even when a client stops reading', async () => {
    const gateway = await startGateway({ server: { shutdownGraceMs: 500 } });
    const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: STREAM.replace('maxTokens: 50', 'maxTokens: 2000') },
      }),
    );
    await new Promise((resolve) => socket.once('message', resolve));
    // Stop reading: the close handshake can never complete from this side.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const started = performance.now();
    await gateway.server.stop();
    expect(performance.now() - started).toBeLessThan(2_500);
    socket.terminate();
    await gateway.close();
  });
});
