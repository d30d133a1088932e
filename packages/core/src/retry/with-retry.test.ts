import { describe, expect, it, vi } from 'vitest';
import { QuarryError, ThrottledError } from '../errors/quarry-error.js';
import { createSilentLogger } from '../logging/logger.js';
import { createRetryBudget } from './retry-budget.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { withRetry, type RetryDeps } from './with-retry.js';

function deps(overrides: Partial<RetryDeps> = {}): RetryDeps & { slept: number[] } {
  const slept: number[] = [];
  return {
    policy: DEFAULT_RETRY_POLICY,
    random: () => 0.5,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    logger: createSilentLogger(),
    slept,
    ...overrides,
  };
}

function throttling(): Error {
  return Object.assign(new Error('Too many requests, please wait before trying again.'), {
    name: 'ThrottlingException',
  });
}

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const d = deps();
    await expect(withRetry(() => Promise.resolve('ok'), d)).resolves.toBe('ok');
    expect(d.slept).toEqual([]);
  });

  it('retries throttling until it succeeds when attempts remain', async () => {
    const d = deps();
    const run = vi.fn((attempt: number) =>
      attempt < 3 ? Promise.reject(throttling()) : Promise.resolve(attempt),
    );
    await expect(withRetry(run, d)).resolves.toBe(3);
    expect(run).toHaveBeenCalledTimes(3);
    expect(d.slept).toEqual([250, 500]);
  });

  it('throws a normalised QuarryError once attempts run out', async () => {
    const d = deps();
    const error = await withRetry(() => Promise.reject(throttling()), d).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).code).toBe('THROTTLED');
    expect(d.slept).toHaveLength(2);
  });

  it('does not retry client errors', async () => {
    const run = vi.fn(() =>
      Promise.reject(Object.assign(new Error('bad body'), { name: 'ValidationException' })),
    );
    await expect(withRetry(run, deps())).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('stops retrying when the shared budget is empty', async () => {
    const budget = createRetryBudget({ capacity: 5 });
    const run = vi.fn(() => Promise.reject(throttling()));
    await expect(withRetry(run, deps({ budget }))).rejects.toBeInstanceOf(ThrottledError);
    expect(run).toHaveBeenCalledTimes(2);
    expect(budget.available()).toBe(0);
  });

  it('rejects with the abort reason when the signal aborts during the backoff', async () => {
    const controller = new AbortController();
    const d = deps({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => {
            reject(signal.reason as Error);
          });
          controller.abort(new Error('caller went away'));
        }),
    });
    const run = vi.fn(() =>
      Promise.reject(new QuarryError('MODEL_NOT_READY', 'warming', { retryable: true })),
    );
    await expect(withRetry(run, d, { signal: controller.signal })).rejects.toThrow('caller went away');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('reports each retry to onRetry with the delay it will wait', async () => {
    const seen: number[] = [];
    const run = (attempt: number) => (attempt === 1 ? Promise.reject(throttling()) : Promise.resolve('ok'));
    await withRetry(run, deps(), { onRetry: (info) => seen.push(info.delayMs) });
    expect(seen).toEqual([250]);
  });
});
