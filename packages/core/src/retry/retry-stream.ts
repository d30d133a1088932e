import { fromBedrockException } from '../errors/from-bedrock-exception.js';
import type { RetryCallOptions, RetryDeps } from './with-retry.js';
import { planRetry } from './with-retry.js';

/**
 * Opens a stream with retries, but only until its first content item: once output reached the
 * caller a retry would duplicate it, so later failures are thrown as they are (normalised).
 * A caller abort rejects with the signal's reason.
 *
 * Items before the first content item (e.g. `stream-start`) are held back and dropped on retry,
 * so the caller sees each of them exactly once.
 */
export async function* retryStream<T>(
  open: (attempt: number, signal: AbortSignal | undefined) => AsyncIterable<T>,
  isContent: (item: T) => boolean,
  deps: RetryDeps,
  options: RetryCallOptions = {},
): AsyncGenerator<T, void, undefined> {
  const { signal } = options;
  let lastRetryCost: number | undefined;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const held: T[] = [];
    let streaming = false;
    try {
      for await (const item of open(attempt, signal)) {
        if (streaming) {
          yield item;
          continue;
        }
        held.push(item);
        if (isContent(item)) {
          streaming = true;
          deps.budget?.recordSuccess(lastRetryCost);
          yield* held;
          held.length = 0;
        }
      }
      if (!streaming) {
        deps.budget?.recordSuccess(lastRetryCost);
        yield* held;
      }
      return;
    } catch (caught) {
      if (streaming) {
        signal?.throwIfAborted();
        throw fromBedrockException(caught, options.context);
      }
      const step = planRetry(deps, attempt, caught, options);
      if (!step.retry) throw step.error;
      lastRetryCost = step.cost;
      await deps.sleep(step.delayMs, signal);
    }
  }
}
