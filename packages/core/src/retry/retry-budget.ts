import type { QuarryError } from '../errors/quarry-error.js';

/**
 * A token bucket shared by all calls of one client, so a struggling upstream is not hammered by
 * every caller's retries at once (the SDK's "retry quota", made explicit and observable).
 */
export interface RetryBudget {
  /** Withdraws the cost of one retry; undefined when the bucket cannot pay (do not retry). */
  acquire(error: QuarryError): number | undefined;
  /** A call succeeded: refund what its last retry cost, or a small bonus if it did not retry. */
  recordSuccess(lastRetryCost: number | undefined): void;
  /** Tokens left, for metrics and tests. */
  available(): number;
}

export interface RetryBudgetOptions {
  /** @default 500 */
  readonly capacity?: number;
  /** Cost of retrying a transient failure. @default 10 */
  readonly retryCost?: number;
  /** Cost of retrying a throttle. @default 5 */
  readonly throttleRetryCost?: number;
  /** Refill per first-try success. @default 1 */
  readonly successBonus?: number;
}

export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const capacity = options.capacity ?? 500;
  const retryCost = options.retryCost ?? 10;
  const throttleRetryCost = options.throttleRetryCost ?? 5;
  const successBonus = options.successBonus ?? 1;
  let tokens = capacity;
  return {
    acquire(error) {
      const cost = error.code === 'THROTTLED' ? throttleRetryCost : retryCost;
      if (tokens < cost) return undefined;
      tokens -= cost;
      return cost;
    },
    recordSuccess(lastRetryCost) {
      tokens = Math.min(capacity, tokens + (lastRetryCost ?? successBonus));
    },
    available: () => tokens,
  };
}
