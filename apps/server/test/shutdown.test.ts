import type { QuarryClient } from '@quarry/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startGateway } from './support/gateway-harness.js';

/** A client wrapper whose `started` resolves once the gateway calls invoke (the policy admitted it). */
function signalInvoke() {
  let invokeStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (invokeStarted = resolve));
  const wrapClient = (client: QuarryClient): QuarryClient => ({
    ...client,
    invoke: (...args) => {
      invokeStarted();
      return client.invoke(...args);
    },
  });
  return { started, wrapClient };
}

describe('graceful shutdown', () => {
  it('closes subscriptions with 1001, finishes in-flight requests and stops accepting', async () => {
    const { started, wrapClient } = signalInvoke();
    const gateway = await startGateway({
      emulator: { latency: { firstTokenMs: 300, tokensPerSecond: 200 } },
      // Shutdown must begin while the invoke is in flight: the test waits for the call itself.
      wrapClient,
    });
    try {
      const client = gateway.ws();
      const closed = new Promise<number>((resolve) => {
        client.on('closed', (event) => {
          resolve((event as { code: number }).code);
        });
      });
      let streamError: unknown;
      await new Promise<void>((resolve) => {
        client.subscribe(
          {
            query: `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "long", maxTokens: 500 }) { __typename } }`,
          },
          {
            next: () => resolve(),
            error: (error) => {
              streamError = error;
              resolve();
            },
            complete: () => resolve(),
          },
        );
      });
      // An invoke that is still waiting for its first token when shutdown starts.
      const inFlight = gateway.gql<{ invoke: { text: string } }>(
        `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "slow", maxTokens: 5 }) { text } }`,
      );
      await started;
      await gateway.server.stop();
      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(answered.body.data?.invoke.text.length).toBeGreaterThan(0);
      expect(await closed).toBe(1001);
      // The cut stream says why before the socket closes, so the client knows to retry elsewhere.
      expect(streamError).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('shutting down') as string,
          extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', retryable: true }) as object,
        }),
      ]);
      await expect(fetch(gateway.url.replace('/graphql', '/health'))).rejects.toThrow();
    } finally {
      await gateway.close();
    }
  });

  it('records the usage and audit rows of the calls it cancels before it stops', async () => {
    const { started, wrapClient } = signalInvoke();
    const gateway = await startGateway({
      emulator: {
        faults: [
          // The invoke cannot finish within the grace period, so shutdown cancels it.
          { modelId: 'amazon.titan-text-lite-v1', fault: 'timeout;delay-ms=20000' },
          // The stream sends a frame every 150 ms: it is flowing when shutdown cuts it.
          { modelId: 'mistral.mistral-7b-instruct-v0:2', fault: 'slow;delay-ms=150' },
        ],
      },
      server: { shutdownGraceMs: 100 },
      // Called only once the policy admitted the call: from then on it owes a usage and audit row.
      wrapClient,
    });
    try {
      const client = gateway.ws();
      let streamed: () => void = () => undefined;
      const flowing = new Promise<void>((resolve) => (streamed = resolve));
      const streamEnded = new Promise<void>((resolve) => {
        client.subscribe(
          {
            query: `subscription { invokeStream(input: { modelId: "mistral.mistral-7b-instruct-v0:2", prompt: "long", maxTokens: 500 }) { __typename } }`,
          },
          { next: () => streamed(), error: () => resolve(), complete: () => resolve() },
        );
      });
      // Past the grace period its connection is closed without an answer; only its rows matter here.
      const inFlight = gateway
        .gql(
          `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "slow", maxTokens: 5 }) { text } }`,
        )
        .catch(() => undefined);
      await Promise.all([started, flowing]);
      await gateway.server.stop();
      // Read at once: the rows must be in the database when stop() resolves, not shortly after.
      const rows = await sql<{ operation: string; outcome: string }>`
        select operation, outcome from audit_log order by seq`.execute(gateway.store.db);
      await Promise.all([inFlight, streamEnded]);
      // One row per cancelled call, written before stop() resolved: none was left in memory.
      expect(rows.rows.map((row) => row.operation).sort()).toEqual(['invoke', 'stream']);
    } finally {
      await gateway.close();
    }
  });
});
