import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createStreamSleep } from '../src/runtime/stream-sleep.js';

describe('createStreamSleep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves true once the time has passed', async () => {
    const sleep = createStreamSleep(new AbortController().signal);
    let result: boolean | undefined;
    void sleep(50).then((elapsed) => (result = elapsed));
    await vi.advanceTimersByTimeAsync(49);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(true);
  });

  it('resolves false at once and clears its timer when the signal aborts mid-wait', async () => {
    const controller = new AbortController();
    const sleep = createStreamSleep(controller.signal);
    const waiting = sleep(10_000);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves false without a timer when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await createStreamSleep(controller.signal)(100)).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('adds one abort listener for the whole stream however many waits it makes', async () => {
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const sleep = createStreamSleep(controller.signal);
    for (let frame = 0; frame < 5; frame++) {
      const waiting = sleep(10);
      await vi.advanceTimersByTimeAsync(10);
      expect(await waiting).toBe(true);
    }
    expect(added).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
  });

  it('resolves true at once for a wait of zero', async () => {
    expect(await createStreamSleep(new AbortController().signal)(0)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
