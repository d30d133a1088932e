import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuarryError, ThrottledError } from '../errors/quarry-error.js';
import { checkRetryPolicy, decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

const transient = new QuarryError('UPSTREAM_UNAVAILABLE', 'boom', { retryable: true });
const policyArbitrary = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 10 }),
  baseDelayMs: fc.integer({ min: 0, max: 5_000 }),
  throttleBaseDelayMs: fc.integer({ min: 0, max: 5_000 }),
  maxDelayMs: fc.integer({ min: 0, max: 60_000 }),
});

describe('decideRetry', () => {
  it('never retries a non-retryable error', () => {
    const error = new QuarryError('BAD_USER_INPUT', 'bad');
    expect(decideRetry(DEFAULT_RETRY_POLICY, 1, error, () => 0.5)).toEqual({
      retry: false,
      reason: 'not-retryable',
    });
  });

  it('stops when the attempts are used up', () => {
    expect(decideRetry({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 }, 2, transient, () => 0.5)).toEqual({
      retry: false,
      reason: 'attempts-exhausted',
    });
  });

  it('doubles the jitter ceiling per attempt', () => {
    const policy: RetryPolicy = {
      maxAttempts: 10,
      baseDelayMs: 100,
      throttleBaseDelayMs: 500,
      maxDelayMs: 20_000,
    };
    const almostOne = () => 0.999_999;
    const delays = [1, 2, 3, 4].map((attempt) => {
      const decision = decideRetry(policy, attempt, transient, almostOne);
      return decision.retry ? decision.delayMs : -1;
    });
    expect(delays).toEqual([99, 199, 399, 799]);
  });

  it('uses the throttling base for THROTTLED errors', () => {
    const decision = decideRetry(
      DEFAULT_RETRY_POLICY,
      1,
      new ThrottledError('slow down', undefined, { retryable: true }),
      () => 0.5,
    );
    expect(decision).toEqual({ retry: true, delayMs: 250 });
  });

  it('waits at least the Retry-After hint', () => {
    const error = new ThrottledError('slow down', 1_500, { retryable: true });
    expect(decideRetry(DEFAULT_RETRY_POLICY, 1, error, () => 0)).toEqual({ retry: true, delayMs: 1_500 });
  });

  it('honours a Retry-After hint on any retryable error, not only throttles', () => {
    const notReady = new QuarryError('MODEL_NOT_READY', 'warming up', { retryable: true, retryAfterMs: 700 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, 1, notReady, () => 0)).toEqual({ retry: true, delayMs: 700 });
  });

  it('gives up instead of waiting beyond maxDelayMs for a Retry-After hint', () => {
    const error = new ThrottledError('slow down', 60_000, { retryable: true });
    expect(decideRetry(DEFAULT_RETRY_POLICY, 1, error, () => 0)).toEqual({
      retry: false,
      reason: 'retry-after-too-long',
    });
  });

  it('keeps every delay within [0, maxDelayMs] and retries at most maxAttempts-1 times (property)', () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        fc.boolean(),
        (policy, attempt, randomValue, hint, throttled) => {
          const error = throttled
            ? new ThrottledError('t', hint, { retryable: true })
            : new QuarryError('MODEL_NOT_READY', 'n', { retryable: true, retryAfterMs: hint });
          const decision = decideRetry(policy, attempt, error, () => randomValue);
          if (attempt >= policy.maxAttempts) expect(decision.retry).toBe(false);
          if (decision.retry) {
            expect(decision.delayMs).toBeGreaterThanOrEqual(0);
            expect(decision.delayMs).toBeLessThanOrEqual(policy.maxDelayMs);
            expect(Number.isInteger(decision.delayMs)).toBe(true);
            if (hint !== undefined) expect(decision.delayMs).toBeGreaterThanOrEqual(hint);
          }
        },
      ),
    );
  });

  it('keeps the jitter below the exponential ceiling (property)', () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (policy, attempt, r) => {
          const decision = decideRetry({ ...policy, maxAttempts: 10 }, attempt, transient, () => r);
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          expect(decision.retry).toBe(true);
          if (decision.retry) expect(decision.delayMs).toBeLessThanOrEqual(Math.max(0, ceiling));
        },
      ),
    );
  });
});

describe('checkRetryPolicy', () => {
  it('accepts the default policy', () => {
    expect(checkRetryPolicy(DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY);
  });

  it('names the bad field when a value is out of range', () => {
    expect(() => checkRetryPolicy({ ...DEFAULT_RETRY_POLICY, maxAttempts: 0 })).toThrow(
      /retry\.maxAttempts must be an integer from 1 to 20, got 0/,
    );
    expect(() => checkRetryPolicy({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 1.5 })).toThrow(/retry\.maxDelayMs/);
  });
});
