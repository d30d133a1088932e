/**
 * A gateway-wide cap on concurrent streams. Each stream holds an upstream socket for its whole
 * life; past the cap a new subscription is refused at once (RATE_LIMITED) instead of queueing for
 * a socket and timing out later.
 */
export interface StreamSlots {
  tryAcquire(): boolean;
  release(): void;
  active(): number;
  readonly limit: number;
}

export function createStreamSlots(limit: number): StreamSlots {
  let active = 0;
  return {
    limit,
    tryAcquire() {
      if (active >= limit) return false;
      active++;
      return true;
    },
    release() {
      active = Math.max(0, active - 1);
    },
    active: () => active,
  };
}
