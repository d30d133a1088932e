/**
 * An async iterator that runs `start` on its first `next()` and then hands every call straight to
 * the iterator `start` returned. It behaves like `async function* () { yield* await start(); }`
 * — nothing runs before the first `next()`, a failed start rejects that `next()` and ends the
 * iteration, `return()` before the start runs nothing — without the generator's promise hops on
 * every item that passes through (a stream's events pass through it thousands of times a second).
 */
export function deferredIterator<T>(
  start: () => Promise<AsyncIterator<T, void, undefined>>,
): AsyncIterableIterator<T, void, undefined> {
  let inner: AsyncIterator<T, void, undefined> | undefined;
  let starting: Promise<AsyncIterator<T, void, undefined>> | undefined;
  let ended = false;
  const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
  return {
    next() {
      if (inner !== undefined) return inner.next();
      if (ended) return Promise.resolve(done());
      if (starting !== undefined) {
        // A next() queued behind the first one: like a generator, it sees the end once the start failed.
        return starting.then(
          (iterator) => iterator.next(),
          () => done(),
        );
      }
      starting = start().then(
        (iterator) => {
          inner = iterator;
          return iterator;
        },
        (error: unknown) => {
          ended = true;
          throw error;
        },
      );
      return starting.then((iterator) => iterator.next());
    },
    return() {
      if (inner !== undefined) return inner.return?.() ?? Promise.resolve(done());
      if (starting === undefined) {
        ended = true;
        return Promise.resolve(done());
      }
      return starting.then(
        (iterator) => iterator.return?.() ?? done(),
        () => done(),
      );
    },
    async throw(error?: unknown) {
      if (inner !== undefined) {
        if (inner.throw !== undefined) return inner.throw(error);
        // Like yield*, an inner iterator that cannot take the error is closed before it propagates.
        await inner.return?.();
        throw error;
      }
      ended = true;
      // Whatever a start already under way opens (an upstream stream) is closed once it arrives.
      if (starting !== undefined)
        void starting.then(
          (iterator) => iterator.return?.(),
          () => undefined,
        );
      // A generator thrown into before it started rejects with exactly what it was given.
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
