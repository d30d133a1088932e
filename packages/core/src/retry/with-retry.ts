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

/** The outcome of one failed attempt: throw `error`, or wait `delayMs` (paid for with `cost`) and try again. */
export type RetryStep =
  | { readonly retry: false; readonly error: QuarryError }
  | {
      readonly retry: true;
      readonly error: QuarryError;
      readonly delayMs: number;
      readonly cost: number | undefined;
    };

/**
 * Decides what follows a failed attempt — the one place that applies the policy, the budget,
 * the abort signal, the log line and `onRetry`, for calls and streams alike. A caller abort
 * rethrows the signal's reason.
 */
export function planRetry(
  deps: RetryDeps,
  attempt: number,
  caught: unknown,
  options: RetryCallOptions,
): RetryStep {
  options.signal?.throwIfAborted();
  const error = fromBedrockException(caught, options.context);
  const decision = decideRetry(deps.policy, attempt, error, deps.random);
  if (!decision.retry) return { retry: false, error };
  const cost = deps.budget?.acquire(error);
  if (deps.budget !== undefined && cost === undefined) {
    deps.logger.warn(
      { event: 'bedrock.retry.budget-exhausted', attempt, code: error.code },
      'retry budget exhausted',
    );
    return { retry: false, error };
  }
  options.onRetry?.({ attempt, delayMs: decision.delayMs, error });
  deps.logger.warn(
    {
      event: 'bedrock.retry',
      attempt,
      delayMs: decision.delayMs,
      code: error.code,
      modelId: options.context?.modelId,
    },
    'retrying Bedrock call',
  );
  return { retry: true, error, delayMs: decision.delayMs, cost };
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
  let lastRetryCost: number | undefined;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const result = await run(attempt);
      deps.budget?.recordSuccess(lastRetryCost);
      return result;
    } catch (caught) {
      const step = planRetry(deps, attempt, caught, options);
      if (!step.retry) throw step.error;
      lastRetryCost = step.cost;
      await deps.sleep(step.delayMs, options.signal);
    }
  }
}
