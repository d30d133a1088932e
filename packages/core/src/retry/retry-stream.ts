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
export function retryStream<T>(
  open: (attempt: number, signal: AbortSignal | undefined) => AsyncIterable<T>,
  isContent: (item: T) => boolean,
  deps: RetryDeps,
  options: RetryCallOptions = {},
): AsyncIterableIterator<T, void, undefined> {
  // A hand-written iterator rather than an async generator: once content flows, every event of
  // every stream passes here, and a `for await … yield` layer costs several promises per event.
  const { signal } = options;
  let attempt = 0;
  let lastRetryCost: number | undefined;
  let source: AsyncIterator<T> | undefined;
  // The current attempt's items held back until its first content item.
  let held: T[] = [];
  let heldIndex = 0;
  // Content reached the caller (or the attempt ended): no more retries.
  let streaming = false;
  let sourceEnded = false;
  let closed = false;

  const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
  const release = (): IteratorResult<T, void> => {
    const value = held[heldIndex] as T;
    held[heldIndex++] = undefined as T;
    return { done: false, value };
  };
  const fail = (error: unknown): never => {
    closed = true;
    throw error;
  };
  const openAttempt = (): Promise<IteratorResult<T, void>> => {
    try {
      signal?.throwIfAborted();
      attempt += 1;
      held = [];
      heldIndex = 0;
      source = open(attempt, signal)[Symbol.asyncIterator]();
    } catch (error) {
      closed = true;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the caller's abort reason or open()'s own error, unchanged
      return Promise.reject(error);
    }
    return probe(source);
  };
  // Before content: hold items until the first content item or the end; retry a failure.
  const probe = (attemptSource: AsyncIterator<T>): Promise<IteratorResult<T, void>> =>
    attemptSource.next().then(
      (result): IteratorResult<T, void> | Promise<IteratorResult<T, void>> => {
        if (closed) return done();
        if (result.done === true) {
          sourceEnded = true;
          streaming = true;
          deps.budget?.recordSuccess(lastRetryCost);
          if (heldIndex < held.length) return release();
          closed = true;
          return done();
        }
        held.push(result.value);
        if (!isContent(result.value)) return probe(attemptSource);
        streaming = true;
        deps.budget?.recordSuccess(lastRetryCost);
        return release();
      },
      (caught: unknown) => {
        if (closed) throw caught;
        const step = planRetry(deps, attempt, caught, options);
        if (!step.retry) return fail(step.error);
        lastRetryCost = step.cost;
        return deps.sleep(step.delayMs, signal).then(() => (closed ? done() : openAttempt()), fail);
      },
    );
  // Once content flowed: pass items through; a failure is thrown as it is (normalised).
  const pass = (attemptSource: AsyncIterator<T>): Promise<IteratorResult<T, void>> =>
    attemptSource.next().then(
      (result): IteratorResult<T, void> => {
        if (result.done !== true) return result;
        sourceEnded = true;
        closed = true;
        return done();
      },
      (caught: unknown) => {
        closed = true;
        signal?.throwIfAborted();
        throw fromBedrockException(caught, options.context);
      },
    );

  return {
    next() {
      if (heldIndex < held.length) return Promise.resolve(release());
      if (closed || sourceEnded) {
        closed = true;
        return Promise.resolve(done());
      }
      if (source === undefined) return openAttempt();
      return streaming ? pass(source) : probe(source);
    },
    async return() {
      const current = !closed && !sourceEnded ? source : undefined;
      closed = true;
      held = [];
      heldIndex = 0;
      // As leaving a `for await` would: the attempt under way is closed.
      await current?.return?.();
      return done();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
