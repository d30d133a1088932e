import { QuarryError } from '../errors/quarry-error.js';

/**
 * Awaits `pending`, failing with a retryable MODEL_TIMEOUT when it does not settle within
 * `idleMs` (after calling `onStall`, which aborts the request). Used for both the opening of a
 * stream (the SDK resolves send() only with the first frame) and every later chunk: a stalled
 * upstream otherwise holds a socket and a subscriber forever, because Bedrock sets no per-stream
 * timeout (bedrock-protocol.md §9.2).
 */
export function within<T>(
  pending: Promise<T>,
  idleMs: number,
  onStall: () => void,
  schedule: ScheduleTimeout,
): Promise<T> {
  // One promise and one reaction per wait: this runs for every chunk of every stream, where an
  // async function racing a second promise cost four more allocations and microtask hops.
  return new Promise<T>((resolve, reject) => {
    const cancel = schedule(() => {
      onStall();
      reject(
        new QuarryError(
          'MODEL_TIMEOUT',
          `The model stream stalled: no data for ${idleMs} ms. Retry, or raise the stream idle timeout for slow models.`,
          { retryable: true, exception: 'StreamIdleTimeout' },
        ),
      );
    }, idleMs);
    pending.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the awaited promise's own rejection through unchanged
        reject(error);
      },
    );
  });
}

/**
 * Runs `callback` after `ms` unless the returned function cancels it first. Injected (the client's
 * `scheduleTimeout`) so tests can fire a stream's idle bound at once instead of waiting it out.
 */
export type ScheduleTimeout = (callback: () => void, ms: number) => () => void;

/** Node's timers. */
export const scheduleWithTimers: ScheduleTimeout = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => {
    clearTimeout(timer);
  };
};
