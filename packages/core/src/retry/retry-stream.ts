import { fromBedrockException } from '../errors/from-bedrock-exception.js';
import type { RetryCallOptions, RetryDeps } from './with-retry.js';
import { nextDelay } from './with-retry.js';

/**
 * Opens a stream with retries, but only until its first content item: once output reached the
 * caller a retry would duplicate it, so later failures are thrown as they are (normalised).
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
      if (signal?.aborted === true) return;
      const error = fromBedrockException(caught, options.context);
      if (streaming) throw error;
      const delayMs = nextDelay(deps, attempt, error);
      if (delayMs === undefined) throw error;
      lastRetryCost = deps.budget?.acquire(error);
      if (deps.budget !== undefined && lastRetryCost === undefined) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      deps.logger.warn(
        {
          event: 'bedrock.stream.retry',
          attempt,
          delayMs,
          code: error.code,
          modelId: options.context?.modelId,
        },
        'retrying stream before first content',
      );
      await deps.sleep(delayMs, signal);
    }
  }
}
