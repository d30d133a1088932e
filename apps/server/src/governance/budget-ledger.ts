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
