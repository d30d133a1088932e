import { createRetryBudget, QuarryError, ThrottledError, type StreamEvent } from '@quarry/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualTimeouts, type ManualTimeouts } from './manual-timeouts.js';
import { collect, fault, RUNTIME_PATHS, startHarness, type Harness } from './quarry-harness.js';

describe.each(RUNTIME_PATHS)('%s runtime path', (runtimePath) => {
  const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
  const hello = {
    messages: [{ role: 'user' as const, content: 'Tell me about lighthouses.' }],
    maxTokens: 40,
  };

  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ client: { runtimePath } });
  });
  afterAll(async () => {
    await harness.close();
  });

  async function failure(promise: Promise<unknown>): Promise<QuarryError> {
    const caught = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(QuarryError);
    return caught as QuarryError;
  }

  async function streamFailure(
    events: AsyncIterable<StreamEvent>,
    seen: StreamEvent[] = [],
  ): Promise<QuarryError> {
    return failure(
      (async () => {
        for await (const event of events) seen.push(event);
      })(),
    );
  }

  /** Resolves once `condition` holds, checking after each turn of the event loop. */
  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  describe('stream idle bounds, fired by the test instead of waited out', () => {
    let timeouts: ManualTimeouts;
    let stalled: Harness;
    beforeEach(async () => {
      timeouts = createManualTimeouts();
      stalled = await startHarness({ client: { runtimePath, scheduleTimeout: timeouts.schedule } });
    });
    afterEach(async () => {
      await stalled.close();
    });

    it('fails a stalled stream with MODEL_TIMEOUT after the idle gap', async () => {
      const seen: StreamEvent[] = [];
      const failing = streamFailure(stalled.quarry.stream(MODEL, hello, fault('stall;after=4')), seen);
      // One bound for the opening, one per frame read (4), then the one the stall leaves pending.
      await timeouts.fire(6);
      const error = await failing;
      expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', exception: 'StreamIdleTimeout' });
      // Content had reached the caller, so the stream is not retried.
      expect(seen.some((event) => event.type === 'text-delta')).toBe(true);
      expect(timeouts.armed()).toBe(6);
    });

    it('bounds the wait for the first frame with the idle timeout and retries it', async () => {
      const opened = () =>
        stalled.emulator.stats.snapshot().byOperation['InvokeModelWithResponseStream'] ?? 0;
      const failing = streamFailure(stalled.quarry.stream(MODEL, hello, fault('stall;after=0')));
      // Each attempt arms one bound for its first frame; the retry policy allows three attempts.
      // A bound fires only once its attempt is stalled at the emulator, not before it got there.
      for (const attempt of [1, 2, 3]) {
        await until(() => opened() >= attempt);
        await timeouts.fire(attempt);
      }
      const error = await failing;
      expect(error).toMatchObject({ code: 'MODEL_TIMEOUT', exception: 'StreamIdleTimeout', retryable: true });
      expect(timeouts.armed()).toBe(3);
      expect(opened()).toBe(3);
    });
  });

  describe('QuarryClient retries against emulator faults', () => {
    it('waits at least the Retry-After hint of a ModelNotReady answer', async () => {
      const started = performance.now();
      const result = await harness.quarry.invoke(
        MODEL,
        hello,
        fault('model-not-ready;count=1;retry-after-ms=300'),
      );
      expect(result.attempts).toBe(2);
      // A lower bound only: the hint must be honoured, however slow the machine.
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    });

    it("rejects with the caller's abort reason when cancelled during the back-off", async () => {
      const controller = new AbortController();
      const reason = new Error('the user gave up');
      const pending = harness.quarry.invoke(MODEL, hello, {
        ...fault('model-not-ready;count=1;retry-after-ms=1500'),
        signal: controller.signal,
      });
      setTimeout(() => {
        controller.abort(reason);
      }, 100);
      await expect(pending).rejects.toBe(reason);
    });

    it('stops retrying once the shared retry budget is spent, and says so', async () => {
      const warnings: string[] = [];
      const logger = {
        debug: () => undefined,
        info: () => undefined,
        error: () => undefined,
        warn: (fields: Readonly<Record<string, unknown>>) => {
          warnings.push(String(fields['event']));
        },
        child: () => logger,
      };
      // Room for exactly two throttle retries (5 tokens each), shared by every call of this client.
      const budgeted = await startHarness({
        client: { budget: createRetryBudget({ capacity: 10, throttleRetryCost: 5 }), logger },
      });
      try {
        const spec = 'throttle;count=10;retry-after-ms=1';
        const first = await failure(budgeted.quarry.invoke(MODEL, hello, fault(spec)));
        expect(first.code).toBe('THROTTLED');
        expect(budgeted.emulator.stats.snapshot().byOperation['InvokeModel']).toBe(3);
        const second = await failure(budgeted.quarry.invoke(MODEL, hello, fault(spec)));
        expect(second.code).toBe('THROTTLED');
        // No tokens left: the second call fails after its first attempt instead of adding load.
        expect(budgeted.emulator.stats.snapshot().byOperation['InvokeModel']).toBe(4);
        expect(warnings.filter((event) => event === 'bedrock.retry.budget-exhausted')).toHaveLength(1);
      } finally {
        await budgeted.close();
      }
    });

    it('retries throttling twice and then succeeds', async () => {
      const result = await harness.quarry.invoke(MODEL, hello, fault('throttle;count=2;retry-after-ms=20'));
      expect(result.attempts).toBe(3);
      expect(result.text.length).toBeGreaterThan(0);
    });

    it('gives up after maxAttempts and reports the Retry-After hint', async () => {
      const error = await failure(
        harness.quarry.invoke(MODEL, hello, fault('throttle;count=5;retry-after-ms=30')),
      );
      expect(error).toBeInstanceOf(ThrottledError);
      expect(error).toMatchObject({ code: 'THROTTLED', retryable: true, retryAfterMs: 30 });
    });

    it('retries a model that is not ready yet', async () => {
      const result = await harness.quarry.invoke(
        MODEL,
        hello,
        fault('model-not-ready;count=1;retry-after-ms=10'),
      );
      expect(result.attempts).toBe(2);
    });

    it('retries a model timeout', async () => {
      const result = await harness.quarry.invoke(MODEL, hello, fault('timeout;count=1'));
      expect(result.attempts).toBe(2);
    });

    it('retries 500 and 503 answers', async () => {
      expect((await harness.quarry.invoke(MODEL, hello, fault('internal;count=1'))).attempts).toBe(2);
      expect((await harness.quarry.invoke(MODEL, hello, fault('unavailable;count=2'))).attempts).toBe(3);
    });

    it('does not retry a model error', async () => {
      const error = await failure(harness.quarry.invoke(MODEL, hello, fault('model-error;count=1')));
      expect(error).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: false,
        exception: 'ModelErrorException',
      });
    });

    it('retries a connection dropped before the response', async () => {
      const result = await harness.quarry.invoke(MODEL, hello, fault('drop;count=1'));
      expect(result.attempts).toBe(2);
    });
  });

  describe('QuarryClient streams against emulator faults', () => {
    it('retries an in-stream exception that arrives before the first content event', async () => {
      const events = await collect(
        harness.quarry.stream(
          MODEL,
          hello,
          fault('stream-error;after=0;exception=throttlingException;count=1'),
        ),
      );
      expect(events.filter((event) => event.type === 'stream-start')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: 'stream-end', attempts: 2 });
    });

    it('surfaces an in-stream exception after content as a typed error without retrying', async () => {
      const seen: StreamEvent[] = [];
      const error = await streamFailure(
        harness.quarry.stream(
          MODEL,
          hello,
          fault('stream-error;after=4;exception=modelStreamErrorException;count=1'),
        ),
        seen,
      );
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', exception: 'ModelStreamErrorException' });
      expect(seen.some((event) => event.type === 'text-delta')).toBe(true);
      expect(seen.some((event) => event.type === 'stream-end')).toBe(false);
    });

    it('maps an in-stream throttling exception after content to THROTTLED', async () => {
      const error = await streamFailure(
        harness.quarry.stream(
          MODEL,
          hello,
          fault('stream-error;after=4;exception=throttlingException;count=1'),
        ),
      );
      expect(error.code).toBe('THROTTLED');
    });

    it('retries a stream dropped before its first content event', async () => {
      const events = await collect(harness.quarry.stream(MODEL, hello, fault('drop;after=1;count=1')));
      expect(events.at(-1)?.type).toBe('stream-end');
    });

    it('reports a stream cut after content as a retryable upstream failure', async () => {
      const seen: StreamEvent[] = [];
      const error = await streamFailure(
        harness.quarry.stream(MODEL, hello, fault('drop;after=5;count=1')),
        seen,
      );
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(seen.some((event) => event.type === 'text-delta')).toBe(true);
    });

    it('retries throttling on stream open and succeeds', async () => {
      const events = await collect(
        harness.quarry.stream(MODEL, hello, fault('throttle;count=1;retry-after-ms=10')),
      );
      expect(events.at(-1)?.type).toBe('stream-end');
    });
  });
});
