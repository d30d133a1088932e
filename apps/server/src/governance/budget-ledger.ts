import type { Redis } from 'ioredis';

/** Money in whole nano-dollars, so Redis and SQL can add it exactly (1 USD = 1e9). */
const NANOS_PER_USD = 1_000_000_000;
export const toNanos = (usd: number): number => Math.round(usd * NANOS_PER_USD);
export const toUsd = (nanos: number): number => nanos / NANOS_PER_USD;

export type Reservation = { readonly ok: true } | { readonly ok: false; readonly committedNanos: number };

/**
 * Monthly spend per key with reservations: a call reserves its worst-case cost before it goes
 * upstream (refused if spent + reserved + this would pass the budget, in one atomic step), then
 * settles to what it really cost. Check-then-increment would admit every concurrent call that
 * checked before the first one finished; reserving makes the check and the claim one operation.
 */
export interface BudgetLedger {
  reserve(keyId: string, month: string, amountNanos: number, limitNanos: number): Promise<Reservation>;
  /** Replaces a reservation by the call's real cost. */
  settle(keyId: string, month: string, reservedNanos: number, actualNanos: number): Promise<void>;
  /** Settled spend of the month. */
  spent(keyId: string, month: string): Promise<number>;
}

/** `2026-12`: budgets are per calendar month, UTC. */
export function monthOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

export function createMemoryBudgetLedger(): BudgetLedger {
  const months = new Map<string, { spent: number; reserved: number }>();
  const entry = (keyId: string, month: string) => {
    const id = `${keyId}|${month}`;
    let found = months.get(id);
    if (found === undefined) {
      found = { spent: 0, reserved: 0 };
      months.set(id, found);
    }
    return found;
  };
  return {
    // Synchronous inside: nothing can interleave between the check and the claim.
    reserve(keyId, month, amount, limit) {
      const current = entry(keyId, month);
      const committed = current.spent + current.reserved;
      if (committed + amount > limit) return Promise.resolve({ ok: false, committedNanos: committed });
      current.reserved += amount;
      return Promise.resolve({ ok: true });
    },
    settle(keyId, month, reserved, actual) {
      const current = entry(keyId, month);
      current.reserved -= reserved;
      current.spent += actual;
      return Promise.resolve();
    },
    spent: (keyId, month) => Promise.resolve(months.get(`${keyId}|${month}`)?.spent ?? 0),
  };
}

// Lua runs atomically in Redis: the comparison and the increment cannot interleave with another
// gateway process's reservation.
const RESERVE = `
local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
local reserved = tonumber(redis.call('HGET', KEYS[1], 'reserved') or '0')
if spent + reserved + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, spent + reserved} end
redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, 0}`;
const SETTLE = `
redis.call('HINCRBY', KEYS[1], 'reserved', -tonumber(ARGV[1]))
redis.call('HINCRBY', KEYS[1], 'spent', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;
/** A month's counters outlive the month a little, then Redis drops them. */
const KEEP_SECONDS = 40 * 24 * 3600;

export function createRedisBudgetLedger(redis: Redis, prefix: string): BudgetLedger {
  const key = (keyId: string, month: string) => `${prefix}budget:${keyId}:${month}`;
  return {
    async reserve(keyId, month, amount, limit) {
      const [ok, committed] = (await redis.eval(
        RESERVE,
        1,
        key(keyId, month),
        amount,
        limit,
        KEEP_SECONDS,
      )) as [number, number];
      return ok === 1 ? { ok: true } : { ok: false, committedNanos: committed };
    },
    async settle(keyId, month, reserved, actual) {
      await redis.eval(SETTLE, 1, key(keyId, month), reserved, actual, KEEP_SECONDS);
    },
    async spent(keyId, month) {
      return Number((await redis.hget(key(keyId, month), 'spent')) ?? 0);
    },
  };
}
