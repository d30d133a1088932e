import type { QuarryError } from '../errors/quarry-error.js';

/** Bounds of the single retry layer. SDK clients run with `maxAttempts: 1` so attempts never multiply. */
export interface RetryPolicy {
  /** Total attempts including the first. @default 3 */
  readonly maxAttempts: number;
  /** Ceiling of the first retry's jittered delay for transient errors. @default 100 */
  readonly baseDelayMs: number;
  /** Same for throttling, which needs a longer breather. @default 500 */
  readonly throttleBaseDelayMs: number;
  /** No single wait exceeds this; a Retry-After beyond it fails fast instead. @default 20000 */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 100,
  throttleBaseDelayMs: 500,
  maxDelayMs: 20_000,
});

export type RetryDecision =
  | {
      readonly retry: false;
      readonly reason: 'not-retryable' | 'attempts-exhausted' | 'retry-after-too-long';
    }
  | { readonly retry: true; readonly delayMs: number };

/**
 * Decides whether attempt number `attempt` (1-based) that failed with `error` gets another try,
 * and after how long. Pure; `random` is injected so tests can pin the jitter.
 *
 * Exponential backoff with full jitter (delay uniform in [0, min(max, base·2^(attempt-1))))
 * spreads clients out; a server's Retry-After raises the delay to at least the hint.
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: number,
  error: QuarryError,
  random: () => number,
): RetryDecision {
  if (!error.retryable) return { retry: false, reason: 'not-retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const base = error.code === 'THROTTLED' ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  const jitter = Math.floor(clampUnit(random()) * ceiling);
  // Any retryable answer may carry a hint: throttles, ModelNotReady and 503s alike.
  const hint = error.retryAfterMs;
  if (hint === undefined) return { retry: true, delayMs: jitter };
  // Waiting less than the server asked only earns another throttle; waiting longer than our cap
  // holds the caller hostage, so hand the hint back to them instead.
  if (hint > policy.maxDelayMs) return { retry: false, reason: 'retry-after-too-long' };
  return { retry: true, delayMs: Math.max(jitter, hint) };
}

/** Guards against a `random` outside [0, 1) so the delay stays within its bounds. */
function clampUnit(value: number): number {
  if (!(value > 0)) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}

/** Checks a user-supplied policy; throws RangeError naming the bad field. */
export function checkRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const entries: [keyof RetryPolicy, number, number][] = [
    ['maxAttempts', 1, 20],
    ['baseDelayMs', 0, 60_000],
    ['throttleBaseDelayMs', 0, 60_000],
    ['maxDelayMs', 0, 300_000],
  ];
  for (const [field, min, max] of entries) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`retry.${field} must be an integer from ${min} to ${max}, got ${value}`);
    }
  }
  return policy;
}
