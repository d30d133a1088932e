import { QuarryError } from '@quarry/core';
import { GatewayError } from '../errors/gateway-error.js';

/**
 * Adapts a stream opened with an AbortSignal into an iterator whose `return()` cancels the stream
 * at once. graphql-ws awaits `return()` when a client completes a subscription or disconnects, and
 * an async generator's `return()` waits until its pending `next()` settles — i.e. until the model
 * sends its next token, which a silent model may never do. Aborting instead releases the upstream
 * HTTP request immediately; the source then unwinds on its own. `onClose` runs exactly once,
 * however the iteration ends, saying whether the source ran to its end (or failed on its own) or
 * was cancelled: the client completed or left, or the gateway cut it.
 */
export function abortableIterator<T>(
  open: (signal: AbortSignal) => AsyncIterable<T>,
  parent: AbortSignal,
  onClose: (ending: 'ended' | 'cancelled') => void,
): AsyncIterableIterator<T> {
  const controller = new AbortController();
  // `parent` belongs to this one operation, so this listener never piles up on a shared signal.
  const onParentAbort = (): void => {
    controller.abort(parent.reason);
  };
  parent.addEventListener('abort', onParentAbort, { once: true });
  const source = open(controller.signal)[Symbol.asyncIterator]();
  let closed = false;
  // A function, so TypeScript does not assume `closed` is still false after an await.
  const isClosed = (): boolean => closed;

  const close = (ending: 'ended' | 'cancelled'): void => {
    if (closed) return;
    closed = true;
    parent.removeEventListener('abort', onParentAbort);
    // A source that ended on its own holds nothing to cancel, and one its parent cancelled is
    // aborted already: abort() would only build a DOMException (its default reason) per stream.
    if (ending === 'cancelled' && !controller.signal.aborted) controller.abort();
    onClose(ending);
    // The pending next() ends once the abort lands; finish the source behind it without waiting.
    source.return?.().catch(() => undefined);
  };
  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    // Promise chains rather than an async function: one event passes here per streamed token.
    next() {
      if (isClosed()) return Promise.resolve(done());
      return source.next().then(
        (result) => {
          if (result.done === true) {
            close('ended');
            return result;
          }
          // return() may have closed the iterator while this next() waited: drop the late item.
          return isClosed() ? done() : result;
        },
        (error: unknown) => {
          const cancelled = controller.signal.aborted;
          close(cancelled ? 'cancelled' : 'ended');
          // The server cancelling with a coded reason (shutdown, a revoked key) tells the client why;
          // a client that left or completed the subscription needs no error.
          if (
            parent.aborted &&
            (parent.reason instanceof QuarryError || parent.reason instanceof GatewayError)
          )
            throw parent.reason;
          if (cancelled) return done();
          throw error;
        },
      );
    },
    return() {
      close('cancelled');
      return Promise.resolve(done());
    },
    throw(error?: unknown) {
      close('cancelled');
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
  };
}
