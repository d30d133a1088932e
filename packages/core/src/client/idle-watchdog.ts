import { QuarryError } from '../errors/quarry-error.js';

/**
 * Awaits the iterator's next item, failing with a retryable MODEL_TIMEOUT when nothing arrives
 * within `idleMs`. A stalled upstream otherwise holds a socket and a subscriber forever: Bedrock
 * sets no per-stream timeout (bedrock-protocol.md §9.2).
 */
export async function nextWithin<T>(
  iterator: AsyncIterator<T>,
  idleMs: number,
  onStall: () => void,
): Promise<IteratorResult<T>> {
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
    return await Promise.race([iterator.next(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
