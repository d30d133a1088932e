import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Per-key requests/min and tokens/min counters in this process (Redis's are in redis-key-counters.ts). */
export interface RateLimits {
  /**
   * Takes `amount` from the key's minute. Resolves undefined when it fit, or the milliseconds until
   * the window moves on when it did not; a refused take leaves the count as it was.
   */
  take(kind: LimitKind, keyId: string, perMinute: number, amount: number): Promise<number | undefined>;
  /** Gives back what a take took and the call did not use (or what a later refusal undoes). */
  giveBack(kind: LimitKind, keyId: string, perMinute: number, amount: number): Promise<void>;
}

export type LimitKind = 'requests' | 'tokens';

export const WINDOW_SECONDS = 60;

export function createMemoryRateLimits(): RateLimits {
  // rate-limiter-flexible fixes `points` per limiter, and keys have their own limits: one limiter per
  // (kind, limit), so changing a key's limit starts a fresh window instead of misreading the old one.
  const limiters = new Map<string, RateLimiterMemory>();
  const limiterFor = (kind: LimitKind, points: number): RateLimiterMemory => {
    const name = `${kind}:${points}`;
    let limiter = limiters.get(name);
    if (limiter === undefined) {
      limiter = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: name });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  return {
    async take(kind, keyId, perMinute, amount) {
      const limiter = limiterFor(kind, perMinute);
      try {
        await limiter.consume(keyId, amount);
        return undefined;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // The limiter counted the refused take; give it back, or a big refused claim would keep
        // refusing small ones that fit what was really used.
        await limiter.reward(keyId, amount);
        return Math.max(1, Math.ceil(rejection.msBeforeNext));
      }
    },
    async giveBack(kind, keyId, perMinute, amount) {
      if (amount > 0) await limiterFor(kind, perMinute).reward(keyId, amount);
    },
  };
}
