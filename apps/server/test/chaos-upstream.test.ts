import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpChildren, freePort, spawnEmulator, STARTUP_MS } from './support/child-processes.js';
import { startGateway } from './support/gateway-harness.js';

afterEach(cleanUpChildren);

const STREAM = `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "a long story", maxTokens: 500 }) { __typename } }`;
const INVOKE = `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "hi", maxTokens: 5 }) { text } }`;

describe('chaos: the upstream process killed mid-stream and restarted', () => {
  it(
    'gives clients a retryable UPSTREAM_UNAVAILABLE, serves again without a restart, and /ready follows',
    async () => {
      const port = await freePort();
      let emulator = await spawnEmulator(port, 'realistic');
      const gateway = await startGateway({
        client: { endpoint: `http://127.0.0.1:${port}` },
        server: { readyTimeoutMs: 2_000 },
      });
      const ready = async (): Promise<number> =>
        (await fetch(gateway.url.replace('/graphql', '/ready'))).status;
      try {
        expect(await ready()).toBe(200);
        const client = gateway.ws();
        let streamed = 0;
        const ended = new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: STREAM },
            {
              next: () => {
                streamed += 1;
                // Killed while the answer is streaming: no goodbye, the socket just dies.
                if (streamed === 2) emulator.child.kill('SIGKILL');
              },
              error: resolve,
              complete: () => resolve('complete'),
            },
          );
        });
        expect(await ended).toEqual([
          expect.objectContaining({
            extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', retryable: true }) as object,
          }),
        ]);
        await emulator.exited;

        // While it is down: the same code on new calls (after core's retries), and /ready says so.
        const down = await gateway.gql(INVOKE);
        expect(down.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UPSTREAM_UNAVAILABLE',
          retryable: true,
        });
        await until(async () => (await ready()) === 503);

        // Back on the same address: the same gateway serves again.
        emulator = await spawnEmulator(port, 'zero');
        await until(async () => (await gateway.gql(INVOKE)).body.errors === undefined);
        await until(async () => (await ready()) === 200);
        const streamAgain = await new Promise<string>((resolve, reject) => {
          gateway
            .ws()
            .subscribe(
              { query: STREAM },
              { next: () => undefined, error: reject, complete: () => resolve('complete') },
            );
        });
        expect(streamAgain).toBe('complete');
      } finally {
        await gateway.close();
      }
    },
    STARTUP_MS * 3,
  );
});

/** Resolves once `check` passes (the test's timeout bounds the wait; /ready reuses a probe for 1 s). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}
