import { QuarryError } from '../errors/quarry-error.js';

/**
 * Awaits `pending`, failing with a retryable MODEL_TIMEOUT when it does not settle within
 * `idleMs` (after calling `onStall`, which aborts the request). Used for both the opening of a
 * stream (the SDK resolves send() only with the first frame) and every later chunk: a stalled
 * upstream otherwise holds a socket and a subscriber forever, because Bedrock sets no per-stream
 * timeout (bedrock-protocol.md §9.2).
 */
export async function within<T>(pending: Promise<T>, idleMs: number, onStall: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onStall();
      reject(
        new QuarryError(
          'MODEL_TIMEOUT',
          `The model stream stalled: no data for ${idleMs} ms. Retry, or raise the stream idle timeout for slow models.`,
          { retryable: true, exception: 'StreamIdleTimeout' },
        ),
      );
    }, idleMs);
  });
  try {
    return await Promise.race([pending, stalled]);
  } finally {
    clearTimeout(timer);
  }
}
