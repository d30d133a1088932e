/** Per-key requests/min and tokens/min counters in this process (Redis's are in redis-key-counters.ts). */
export interface RateLimits {
  /**
   * Takes `amount` from the key's minute, synchronously: nothing can see a take that is refused.
   * Returns the window it was taken from (for giveBack), or how long until the window moves on.
   */
  take(kind: LimitKind, keyId: string, perMinute: number, amount: number): Taken;
  /**
   * Gives back what a take took and the call did not use, while that take's window lasts: a window
   * that ended took its count with it, and the next one owes nothing.
   */
  giveBack(kind: LimitKind, keyId: string, perMinute: number, amount: number, window: number): void;
}

export type LimitKind = 'requests' | 'tokens';

export type Taken =
  { readonly ok: true; readonly window: number } | { readonly ok: false; readonly retryAfterMs: number };

export const WINDOW_SECONDS = 60;

/** The window's id is its start; a window ends WINDOW_SECONDS after its first take, as in Redis. */
interface Window {
  readonly start: number;
  count: number;
}

/**
 * Fixed windows in a Map, the same rule as the Redis script (redis-key-counters.ts): a take that
 * would pass the limit is refused and counts nothing. Expired windows are dropped as they are met
 * and swept once a window, so keys that stop calling do not stay in memory.
 */
export function createMemoryRateLimits(now: () => number = Date.now): RateLimits {
  const windowMs = WINDOW_SECONDS * 1000;
  const windows = new Map<string, Window>();
  let swept = now();
  const sweep = (at: number) => {
    if (at - swept < windowMs) return;
    swept = at;
    for (const [name, window] of windows) if (at - window.start >= windowMs) windows.delete(name);
  };
  // A key's limit is part of its counter's name: changing a key's limit starts a fresh window
  // instead of misreading the old one (as the Redis layout does).
  const nameOf = (kind: LimitKind, keyId: string, perMinute: number) => `${kind}:${perMinute}:${keyId}`;
  return {
    take(kind, keyId, perMinute, amount) {
      const at = now();
      sweep(at);
      const name = nameOf(kind, keyId, perMinute);
      let window = windows.get(name);
      if (window === undefined || at - window.start >= windowMs) {
        window = { start: at, count: 0 };
        windows.set(name, window);
      }
      if (window.count + amount > perMinute)
        return { ok: false, retryAfterMs: Math.max(1, window.start + windowMs - at) };
      window.count += amount;
      return { ok: true, window: window.start };
    },
    giveBack(kind, keyId, perMinute, amount, start) {
      const window = windows.get(nameOf(kind, keyId, perMinute));
      if (window === undefined || window.start !== start || now() - start >= windowMs) return;
      window.count = Math.max(0, window.count - amount);
    },
  };
}
