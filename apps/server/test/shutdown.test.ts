import { describe, expect, it } from 'vitest';
import { startGateway } from './support/gateway-harness.js';

describe('graceful shutdown', () => {
  it('closes subscriptions with 1001, finishes in-flight requests and stops accepting', async () => {
    const gateway = await startGateway({
      emulator: { latency: { firstTokenMs: 300, tokensPerSecond: 200 } },
    });
    const client = gateway.ws();
    let closeCode: number | undefined;
    client.on('closed', (event) => {
      closeCode = (event as { code: number }).code;
    });
    let streamError: unknown;
    const subscribed = new Promise<void>((resolve) => {
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
    await subscribed;
    // An invoke that is still waiting for its first token when shutdown starts.
    const inFlight = gateway.gql<{ invoke: { text: string } }>(
      `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "slow", maxTokens: 5 }) { text } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await gateway.server.stop();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.data?.invoke.text.length).toBeGreaterThan(0);
    expect(closeCode).toBe(1001);
    // The cut stream says why before the socket closes, so the client knows to retry elsewhere.
    expect(streamError).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('shutting down') as string,
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', retryable: true }) as object,
      }),
    ]);
    await expect(fetch(gateway.url.replace('/graphql', '/health'))).rejects.toThrow();
    await gateway.close();
  });
});
