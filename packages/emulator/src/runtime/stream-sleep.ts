/**
 * Waits of one event stream, one at a time: resolves true once `ms` have passed, false as soon as
 * `signal` aborts (at once if it already has).
 */
export type StreamSleep = (ms: number) => Promise<boolean>;

/**
 * A stream waits before nearly every frame (~30 per 100-token reply), so each wait is one plain
 * timer and one promise. `timers/promises` with `{ signal }` also adds and removes an abort
 * listener and stacks promise layers on every call, which under a 300-stream load was a visible
 * share of the emulator's CPU; here a single listener, added on the first wait, serves the whole
 * stream and cuts the pending wait short when the client goes away.
 */
export function createStreamSleep(signal: AbortSignal): StreamSleep {
  let timer: NodeJS.Timeout | undefined;
  let wake: ((elapsed: boolean) => void) | undefined;
  let listening = false;
  const settle = (elapsed: boolean): void => {
    const resolve = wake;
    timer = undefined;
    wake = undefined;
    resolve?.(elapsed);
  };
  const onTimeout = (): void => {
    settle(true);
  };
  const onAbort = (): void => {
    clearTimeout(timer);
    settle(false);
  };
  return (ms) => {
    if (signal.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    if (wake !== undefined) throw new Error('a stream waits for one thing at a time');
    if (!listening) {
      signal.addEventListener('abort', onAbort, { once: true });
      listening = true;
    }
    return new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(onTimeout, ms);
    });
  };
}
