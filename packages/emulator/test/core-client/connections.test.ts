import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, fault, startHarness, type Harness } from './quarry-harness.js';

const MODEL = 'amazon.titan-text-lite-v1';
const hello = { messages: [{ role: 'user' as const, content: 'Count the bridges.' }], maxTokens: 200 };

async function settle(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('QuarryClient connection reuse', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ maxSockets: 16 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('serves 100 concurrent invokes from a pool of at most maxSockets connections, reused afterwards', async () => {
    const opened = () => harness.emulator.stats.snapshot().connections.opened;
    const before = opened();
    const first = await Promise.all(Array.from({ length: 100 }, () => harness.quarry.invoke(MODEL, hello)));
    const afterFirst = opened();
    expect(first.every((result) => result.text.length > 0)).toBe(true);
    expect(afterFirst - before).toBeLessThanOrEqual(16);
    await Promise.all(Array.from({ length: 100 }, () => harness.quarry.invoke(MODEL, hello)));
    expect(opened() - afterFirst).toBe(0);
  });

  it('reuses the streaming pool: a second wave of streams opens no connection', async () => {
    const opened = () => harness.emulator.stats.snapshot().connections.opened;
    const wave = () =>
      Promise.all(Array.from({ length: 10 }, () => collect(harness.quarry.stream(MODEL, hello))));
    await wave();
    const afterFirst = opened();
    await wave();
    expect(opened() - afterFirst).toBe(0);
  });

  it('keeps plain calls flowing while long streams hold every streaming socket', async () => {
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const stalled = controllers.map((controller) =>
      (async () => {
        for await (const _event of harness.quarry.stream(MODEL, hello, {
          signal: controller.signal,
          ...fault('stall;after=2'),
        })) {
          // hold the stream open
        }
      })().catch(() => undefined),
    );
    await settle(() => harness.emulator.stats.snapshot().activeStreams >= 20);
    const result = await harness.quarry.invoke(MODEL, hello);
    expect(result.text.length).toBeGreaterThan(0);
    for (const controller of controllers) controller.abort();
    await Promise.all(stalled);
  });
});

describe('QuarryClient stream cancellation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ maxSockets: 16 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('cancels the upstream request when the consumer stops iterating', async () => {
    const stats = () => harness.emulator.stats.snapshot();
    for await (const event of harness.quarry.stream(MODEL, hello, fault('stall;after=3'))) {
      if (event.type === 'text-delta') break;
    }
    await settle(() => stats().activeStreams === 0);
    expect(stats().activeStreams).toBe(0);
  });

  it('cancels the upstream request when the signal aborts, even while the model is silent', async () => {
    const controller = new AbortController();
    const stats = () => harness.emulator.stats.snapshot();
    const seen: string[] = [];
    const consuming = (async () => {
      for await (const event of harness.quarry.stream(MODEL, hello, {
        ...fault('stall;after=3'),
        signal: controller.signal,
      })) {
        seen.push(event.type);
      }
    })();
    await settle(() => seen.includes('text-delta'));
    await settle(() => stats().activeStreams === 1);
    const abortedAt = performance.now();
    controller.abort(new Error('user cancelled'));
    await expect(consuming).rejects.toThrow('user cancelled');
    await settle(() => stats().activeStreams === 0);
    expect(stats().activeStreams).toBe(0);
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(seen).not.toContain('stream-end');
  });

  it('leaks no sockets after 1,000 aborted streams', async () => {
    const stats = () => harness.emulator.stats.snapshot();
    const baseline = stats().connections.active;
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const controller = new AbortController();
          const reading = (async () => {
            for await (const event of harness.quarry.stream(MODEL, hello, {
              signal: controller.signal,
              ...fault('stall;after=2'),
            })) {
              if (event.type === 'text-delta') controller.abort();
            }
          })();
          // Aborting rejects the iteration with the signal's reason.
          await expect(reading).rejects.toThrow('aborted');
        }),
      );
    }
    await settle(() => stats().activeStreams === 0 && stats().connections.active <= baseline + 16, 5_000);
    expect(stats().activeStreams).toBe(0);
    // Aborted requests destroy their socket; what is left is at most the pool itself.
    expect(stats().connections.active).toBeLessThanOrEqual(baseline + 16);
  }, 60_000);
});

describe('QuarryClient streaming pool above 256 sockets', () => {
  let harness: Harness;
  beforeAll(async () => {
    // The harness's 2 s stall bound suits its fault tests; here 300 streams share this process with
    // the emulator, and on a busy 2-core machine a stream's first frame can take longer than that.
    // This test is about connection reuse, so it uses the client's default bound.
    harness = await startHarness({ maxStreamSockets: 300, client: { streamIdleTimeoutMs: 60_000 } });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('keeps every connection of a wave of 300 concurrent streams for the next wave', async () => {
    const opened = () => harness.emulator.stats.snapshot().connections.opened;
    // Slow frames keep all 300 streams open at once, so the pool grows to 300 connections.
    const wave = () =>
      Promise.all(
        Array.from({ length: 300 }, () =>
          collect(harness.quarry.stream(MODEL, { ...hello, maxTokens: 5 }, fault('slow;delay-ms=20'))),
        ),
      );
    const before = opened();
    await wave();
    const afterFirst = opened();
    expect(afterFirst - before).toBeGreaterThan(256);
    await wave();
    expect(opened() - afterFirst).toBe(0);
  });
});
