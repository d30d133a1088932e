/** A clock tests move by hand, so time-based state transitions are deterministic. */
export interface ManualClock {
  readonly now: () => number;
  advance(milliseconds: number): void;
}

export function createManualClock(start = Date.parse('2025-06-01T12:00:00Z')): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance(milliseconds) {
      current += milliseconds;
    },
  };
}
