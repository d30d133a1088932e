import { sql, type Kysely, type SqliteStatement } from 'kysely';
import type { Database } from '../store/database.js';
import { groupCommit } from '../store/group-commit.js';
import type { SqliteTransactions, Store } from '../store/store.js';
import type { BudgetLedger, Reservation } from './budget-ledger.js';

/**
 * Budget spend in `budget_spend`: the reservation is one conditional UPDATE (spent + reserved +
 * amount ≤ limit), which both SQLite and Postgres apply atomically, so it holds across every
 * gateway process sharing the database.
 *
 * On SQLite the reservations and settlements of one event-loop turn run in one synchronous
 * transaction with prepared statements (group commit): a keyed call reserves and settles, and one
 * commit per statement through Kysely cost more CPU than the rest of the call's policy.
 */
export function createStoreBudgetLedger(store: Pick<Store, 'db' | 'sqlite'>): BudgetLedger {
  const { db, sqlite } = store;
  if (sqlite !== undefined) return sqliteBudgetLedger(db, sqlite);
  const ensure = (keyId: string, month: string) =>
    db
      .insertInto('budget_spend')
      .values({ key_id: keyId, month, spent_nanos: 0, reserved_nanos: 0 })
      .onConflict((conflict) => conflict.columns(['key_id', 'month']).doNothing())
      .execute();
  /** Spent plus reserved, or undefined when the month has no row. */
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
      // The month's row usually exists: try the claim first. When it claimed nothing, make sure the
      // row exists and claim again. Checking for the row instead would race: another reservation
      // can create it between this claim and the check, and this one would be refused with room left.
      if (Number((await claim()).numUpdatedRows) === 1) return { ok: true };
      await ensure(keyId, month);
      if (Number((await claim()).numUpdatedRows) === 1) return { ok: true };
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
    spent: (keyId, month) => spentOf(db, keyId, month),
  };
}

const CLAIM =
  'update "budget_spend" set "reserved_nanos" = "reserved_nanos" + ? ' +
  'where "key_id" = ? and "month" = ? and "spent_nanos" + "reserved_nanos" + ? <= ?';
const COMMITTED =
  'select "spent_nanos" + "reserved_nanos" as "committed" from "budget_spend" where "key_id" = ? and "month" = ?';
const ENSURE =
  'insert into "budget_spend" ("key_id", "month", "spent_nanos", "reserved_nanos") values (?, ?, 0, 0) ' +
  'on conflict ("key_id", "month") do nothing';
const SETTLE =
  'update "budget_spend" set "reserved_nanos" = "reserved_nanos" - ?, "spent_nanos" = "spent_nanos" + ? ' +
  'where "key_id" = ? and "month" = ?';

type LedgerWrite =
  | { readonly reserve: { keyId: string; month: string; amount: number; limit: number } }
  | { readonly settle: { keyId: string; month: string; reserved: number; actual: number } };

function sqliteBudgetLedger(db: Kysely<Database>, sqlite: SqliteTransactions): BudgetLedger {
  // Items run in submission order inside one BEGIN IMMEDIATE: a reservation sees every earlier
  // one of its batch, and no other process writes between the check and the claim.
  const write = groupCommit((writes: readonly LedgerWrite[]) =>
    sqlite.transaction((prepare) => writes.map((entry) => applyWrite(prepare, entry))),
  );
  return {
    reserve: (keyId, month, amount, limit) =>
      write({ reserve: { keyId, month, amount, limit } }) as Promise<Reservation>,
    async settle(keyId, month, reserved, actual) {
      await write({ settle: { keyId, month, reserved, actual } });
    },
    spent: (keyId, month) => spentOf(db, keyId, month),
  };
}

function applyWrite(prepare: (sql: string) => SqliteStatement, entry: LedgerWrite): Reservation | undefined {
  if ('settle' in entry) {
    const { keyId, month, reserved, actual } = entry.settle;
    // reserve() created the row.
    prepare(SETTLE).run([reserved, actual, keyId, month]);
    return undefined;
  }
  const { keyId, month, amount, limit } = entry.reserve;
  const claim = () => Number(prepare(CLAIM).run([amount, keyId, month, amount, limit]).changes) === 1;
  const committed = () =>
    (prepare(COMMITTED).all([keyId, month])[0] as { committed: number } | undefined)?.committed;
  // As on Postgres: the claim first, then the row made sure of and the claim again.
  if (claim()) return { ok: true };
  prepare(ENSURE).run([keyId, month]);
  if (claim()) return { ok: true };
  return { ok: false, committedNanos: committed() ?? 0 };
}

async function spentOf(db: Kysely<Database>, keyId: string, month: string): Promise<number> {
  const row = await db
    .selectFrom('budget_spend')
    .select('spent_nanos')
    .where('key_id', '=', keyId)
    .where('month', '=', month)
    .executeTakeFirst();
  return row === undefined ? 0 : Number(row.spent_nanos);
}
