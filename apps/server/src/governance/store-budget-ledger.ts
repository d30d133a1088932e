import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { BudgetLedger } from './budget-ledger.js';

/**
 * Budget spend in `budget_spend`: the reservation is one conditional UPDATE (spent + reserved +
 * amount ≤ limit), which both SQLite and Postgres apply atomically, so it holds across every
 * gateway process sharing the database.
 */
export function createStoreBudgetLedger(db: Kysely<Database>): BudgetLedger {
  const ensure = (keyId: string, month: string) =>
    db
      .insertInto('budget_spend')
      .values({ key_id: keyId, month, spent_nanos: 0, reserved_nanos: 0 })
      .onConflict((conflict) => conflict.columns(['key_id', 'month']).doNothing())
      .execute();
  /** Spent plus reserved, or undefined when the month has no row yet. */
  const committed = async (keyId: string, month: string): Promise<number | undefined> => {
    const row = await db
      .selectFrom('budget_spend')
      .select(['spent_nanos', 'reserved_nanos'])
      .where('key_id', '=', keyId)
      .where('month', '=', month)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.spent_nanos) + Number(row.reserved_nanos);
  };
  return {
    async reserve(keyId, month, amount, limit) {
      const claim = () =>
        db
          .updateTable('budget_spend')
          .set({ reserved_nanos: sql`reserved_nanos + ${amount}` })
          .where('key_id', '=', keyId)
          .where('month', '=', month)
          .where(sql<boolean>`spent_nanos + reserved_nanos + ${amount} <= ${limit}`)
          .executeTakeFirst();
      // The month's row usually exists: try the claim first, and create the row only when it is missing.
      let result = await claim();
      if (Number(result.numUpdatedRows) === 0 && (await committed(keyId, month)) === undefined) {
        await ensure(keyId, month);
        result = await claim();
      }
      if (Number(result.numUpdatedRows) === 1) return { ok: true };
      return { ok: false, committedNanos: (await committed(keyId, month)) ?? 0 };
    },
    async settle(keyId, month, reserved, actual) {
      // reserve() created the row.
      await db
        .updateTable('budget_spend')
        .set({
          reserved_nanos: sql`reserved_nanos - ${reserved}`,
          spent_nanos: sql`spent_nanos + ${actual}`,
        })
        .where('key_id', '=', keyId)
        .where('month', '=', month)
        .execute();
    },
    async spent(keyId, month) {
      const row = await db
        .selectFrom('budget_spend')
        .select('spent_nanos')
        .where('key_id', '=', keyId)
        .where('month', '=', month)
        .executeTakeFirst();
      return row === undefined ? 0 : Number(row.spent_nanos);
    },
  };
}
