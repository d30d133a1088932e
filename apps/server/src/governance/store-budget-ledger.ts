import { sql, type Kysely, type SqliteStatement } from 'kysely';
import type { Database } from '../store/database.js';
import { groupCommit } from '../store/group-commit.js';
import type { SqliteTransactions, Store } from '../store/store.js';
import type { BudgetLedger, Reservation } from './budget-ledger.js';

/** A call's reservation replaced by its actual cost (BudgetLedger.settle). */
export interface BudgetSettlement {
  readonly keyId: string;
  readonly month: string;
  readonly reservedNanos: number;
  readonly actualNanos: number;
}

/**
 * Budget spend in `budget_spend`: the reservation is a conditional UPDATE (spent + reserved +
 * amount ≤ limit), which both SQLite and Postgres apply atomically, so it holds across every
 * gateway process sharing the database (when the month's row is missing, it is created and the
 * UPDATE tried once more).
 *
 * Settlements are handed to `settle`: the gateway writes them with the call's usage and audit rows
 * (store-bookkeeping.ts), in the same transaction, instead of a statement of their own per call.
 * On SQLite the reservations of one event-loop turn run in one synchronous transaction with
 * prepared statements (group commit): one commit per reservation through Kysely cost more CPU than
 * the rest of the call's policy.
 */
export function createStoreBudgetLedger(
  store: Pick<Store, 'db' | 'sqlite'>,
  settle: (settlement: BudgetSettlement) => Promise<void>,
): BudgetLedger {
  const { db, sqlite } = store;
  const settleOne = async (keyId: string, month: string, reservedNanos: number, actualNanos: number) => {
    await settle({ keyId, month, reservedNanos, actualNanos });
  };
  if (sqlite !== undefined) return sqliteBudgetLedger(db, sqlite, settleOne);
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
  const reserveRow = async (keyId: string, month: string, amount: number, limit: number) =>
    Number(
      (
        await db
          .updateTable('budget_spend')
          .set({ reserved_nanos: sql`reserved_nanos + ${amount}` })
          .where('key_id', '=', keyId)
          .where('month', '=', month)
          .where(sql<boolean>`spent_nanos + reserved_nanos + ${amount} <= ${limit}`)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1;
  const reserveOne = async ({ keyId, month, amount, limit }: ReservationRequest): Promise<Reservation> => {
    // The month's row usually exists: try the claim first. When it claimed nothing, make sure the
    // row exists and claim again. Checking for the row instead would race: another reservation
    // can create it between this claim and the check, and this one would be refused with room left.
    if (await reserveRow(keyId, month, amount, limit)) return { ok: true };
    await ensure(keyId, month);
    if (await reserveRow(keyId, month, amount, limit)) return { ok: true };
    return { ok: false, committedNanos: (await committed(keyId, month)) ?? 0 };
  };
  // The reservations of one event-loop turn for the same key and month are first tried as one: a
  // single conditional UPDATE of their sum admits them all when all fit, the usual case, in one
  // round trip instead of one each. Otherwise each is tried alone, in order. Nothing is retried
  // after a partial write: a failure answers its own group's reservations and no other's.
  const reserve = groupCommit(async (requests: readonly ReservationRequest[]) => {
    const answers: (Reservation | Error)[] = [];
    const groups = new Map<string, number[]>();
    requests.forEach((request, index) => {
      const id = JSON.stringify([request.keyId, request.month, request.limit]);
      const group = groups.get(id);
      if (group === undefined) groups.set(id, [index]);
      else group.push(index);
    });
    for (const indexes of groups.values()) {
      const first = requests[indexes[0] ?? 0] as ReservationRequest;
      try {
        const total = indexes.reduce((sum, index) => sum + (requests[index]?.amount ?? 0), 0);
        if (indexes.length > 1 && (await reserveRow(first.keyId, first.month, total, first.limit))) {
          for (const index of indexes) answers[index] = { ok: true };
          continue;
        }
        for (const index of indexes) answers[index] = await reserveOne(requests[index] as ReservationRequest);
      } catch (error) {
        for (const index of indexes)
          answers[index] ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    return answers;
  });
  return {
    async reserve(keyId, month, amount, limit) {
      const answer = await reserve({ keyId, month, amount, limit });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    settle: settleOne,
    spent: (keyId, month) => spentOf(db, keyId, month),
  };
}

const RESERVE_ROW =
  'update "budget_spend" set "reserved_nanos" = "reserved_nanos" + ? ' +
  'where "key_id" = ? and "month" = ? and "spent_nanos" + "reserved_nanos" + ? <= ?';
const COMMITTED =
  'select "spent_nanos" + "reserved_nanos" as "committed" from "budget_spend" where "key_id" = ? and "month" = ?';
const ENSURE =
  'insert into "budget_spend" ("key_id", "month", "spent_nanos", "reserved_nanos") values (?, ?, 0, 0) ' +
  'on conflict ("key_id", "month") do nothing';

/**
 * A batch's settlements summed per key and month, in one order everywhere: on Postgres the batch's
 * transaction locks their rows in it, so two gateways' batches cannot deadlock.
 */
export function settlementRows(settlements: readonly BudgetSettlement[]): BudgetSettlement[] {
  const rows = new Map<
    string,
    { keyId: string; month: string; reservedNanos: number; actualNanos: number }
  >();
  for (const { keyId, month, reservedNanos, actualNanos } of settlements) {
    const id = `${keyId}|${month}`;
    const row = rows.get(id);
    if (row === undefined) rows.set(id, { keyId, month, reservedNanos, actualNanos });
    else {
      row.reservedNanos += reservedNanos;
      row.actualNanos += actualNanos;
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** SQLite, with settlementParameters. reserve() created the row. */
export const SETTLE_BUDGET_ROW =
  'update "budget_spend" set "reserved_nanos" = "reserved_nanos" - ?, "spent_nanos" = "spent_nanos" + ? ' +
  'where "key_id" = ? and "month" = ?';

export function settlementParameters(row: BudgetSettlement): unknown[] {
  return [row.reservedNanos, row.actualNanos, row.keyId, row.month];
}

/** Postgres: one UPDATE per row, in settlementRows' order. reserve() created the rows. */
export async function settleBudgetRows(
  db: Kysely<Database>,
  rows: readonly BudgetSettlement[],
): Promise<void> {
  for (const row of rows)
    await db
      .updateTable('budget_spend')
      .set({
        reserved_nanos: sql`reserved_nanos - ${row.reservedNanos}`,
        spent_nanos: sql`spent_nanos + ${row.actualNanos}`,
      })
      .where('key_id', '=', row.keyId)
      .where('month', '=', row.month)
      .execute();
}

interface ReservationRequest {
  readonly keyId: string;
  readonly month: string;
  readonly amount: number;
  readonly limit: number;
}

function sqliteBudgetLedger(
  db: Kysely<Database>,
  sqlite: SqliteTransactions,
  settle: BudgetLedger['settle'],
): BudgetLedger {
  // Reservations run in submission order inside one BEGIN IMMEDIATE: each sees every earlier one
  // of its batch, and no other process writes between the check and the claim.
  const reserve = groupCommit((requests: readonly ReservationRequest[]) =>
    sqlite.transaction((prepare) => requests.map((request) => reserveSqlite(prepare, request))),
  );
  return {
    reserve: (keyId, month, amount, limit) => reserve({ keyId, month, amount, limit }),
    settle,
    spent: (keyId, month) => spentOf(db, keyId, month),
  };
}

function reserveSqlite(
  prepare: (sql: string) => SqliteStatement,
  { keyId, month, amount, limit }: ReservationRequest,
): Reservation {
  const claim = () => Number(prepare(RESERVE_ROW).run([amount, keyId, month, amount, limit]).changes) === 1;
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
