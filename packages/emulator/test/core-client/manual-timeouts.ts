import type { ScheduleTimeout } from '@quarry/core';

/** Stream idle bounds that fire only when the test says so (the client's `scheduleTimeout`). */
export interface ManualTimeouts {
  readonly schedule: ScheduleTimeout;
  /** How many bounds the client has armed so far. */
  armed(): number;
  /** Waits until the n-th bound (1-based) is armed, then fires it; throws if the client cancelled it. */
  fire(n: number): Promise<void>;
}

export function createManualTimeouts(): ManualTimeouts {
  const timers: { callback: () => void; cancelled: boolean }[] = [];
  let onArmed: (() => void) | undefined;
  return {
    schedule: (callback) => {
      const timer = { callback, cancelled: false };
      timers.push(timer);
      onArmed?.();
      return () => {
        timer.cancelled = true;
      };
    },
    armed: () => timers.length,
    async fire(n) {
      while (timers.length < n) await new Promise<void>((resolve) => (onArmed = resolve));
      const timer = timers[n - 1]!;
      if (timer.cancelled) throw new Error(`idle bound ${n} was cancelled: the stream made progress`);
      timer.callback();
    },
  };
}
