import type { Writable } from 'node:stream';

/** The events a blocked write waits for: more room, or no point waiting any more. */
const WAKE_EVENTS = ['drain', 'close', 'error'] as const;

/**
 * Resolves once `stream` can take more data (`drain`) or never will (`close`, `error`), and
 * removes all its listeners whichever comes first. `Promise.race` over `once()` left the losers
 * attached on every wait, so a slow reader on a long stream piled up `close` listeners until Node
 * printed MaxListenersExceededWarning. Never rejects: the caller checks `destroyed` before its next
 * write, and the transport reports the error through its own listeners.
 */
export function waitForDrain(stream: Writable): Promise<void> {
  if (stream.destroyed || stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = (): void => {
      for (const event of WAKE_EVENTS) stream.off(event, wake);
      resolve();
    };
    for (const event of WAKE_EVENTS) stream.on(event, wake);
  });
}
