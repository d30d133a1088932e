import { fromBedrockException, type ExceptionContext } from '../errors/from-bedrock-exception.js';
import type { QuarryError } from '../errors/quarry-error.js';
import type { Logger } from '../logging/logger.js';
import type { RetryBudget } from './retry-budget.js';
import { decideRetry, type RetryPolicy } from './retry-policy.js';

/** Everything the executor needs, injected so tests control time and randomness. */
export interface RetryDeps {
  readonly policy: RetryPolicy;
  /** Shared across calls; omit to retry without a budget. */
  readonly budget?: RetryBudget | undefined;
  readonly random: () => number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly logger: Logger;
}

export interface RetryCallOptions {
  readonly signal?: AbortSignal | undefined;
  /** Names the model/operation in error messages and logs. */
  readonly context?: ExceptionContext | undefined;
  /** Called before each wait; lets callers count retries. */
  readonly onRetry?: ((info: RetryInfo) => void) | undefined;
}

export interface RetryInfo {
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: QuarryError;
}

/**
 * Runs `run` until it succeeds, the policy gives up, the budget runs dry or `signal` aborts.
 * Every failure is normalised with fromBedrockException, so callers only ever see QuarryError
 * (or the abort reason when they cancelled).
 */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  deps: RetryDeps,
  options: RetryCallOptions = {},
): Promise<T> {
  const { signal } = options;
  let lastRetryCost: number | undefined;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      const result = await run(attempt);
      deps.budget?.recordSuccess(lastRetryCost);
      return result;
    } catch (caught) {
      signal?.throwIfAborted();
      const error = fromBedrockException(caught, options.context);
      const delayMs = nextDelay(deps, attempt, error);
      if (delayMs === undefined) throw error;
      lastRetryCost = deps.budget?.acquire(error);
      if (deps.budget !== undefined && lastRetryCost === undefined) {
        deps.logger.warn(
          { event: 'bedrock.retry.budget-exhausted', attempt, code: error.code },
          'retry budget exhausted',
        );
        throw error;
      }
      options.onRetry?.({ attempt, delayMs, error });
      deps.logger.warn(
        { event: 'bedrock.retry', attempt, delayMs, code: error.code, modelId: options.context?.modelId },
        'retrying Bedrock call',
      );
      await deps.sleep(delayMs, signal);
    }
  }
}

/** The policy's delay, or undefined when this error ends the call. */
export function nextDelay(deps: RetryDeps, attempt: number, error: QuarryError): number | undefined {
  const decision = decideRetry(deps.policy, attempt, error, deps.random);
  return decision.retry ? decision.delayMs : undefined;
}
