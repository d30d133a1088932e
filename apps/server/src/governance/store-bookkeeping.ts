import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { groupCommit } from '../store/group-commit.js';
import type { Store } from '../store/store.js';
import type { AuditEvent, AuditRecord } from './audit-chain.js';
import type { AuditTrail } from './audit-trail.js';
import {
  settleBudgetRows,
  SETTLE_BUDGET_ROW,
  settlementParameters,
  settlementRows,
  type BudgetSettlement,
} from './store-budget-ledger.js';
import {
  allAuditRows,
  APPEND_ATTEMPTS,
  appendAuditRows,
  appendAuditRowsSqlite,
  auditPage,
  isConflict,
} from './store-audit-trail.js';
import {
  queryUsage,
  UPSERT_USAGE_ROW,
  upsertUsageRows,
  usageRowParameters,
  usageRows,
} from './store-usage-ledger.js';
import type { UsageIncrement, UsageLedger } from './usage-ledger.js';

/** The usage ledger, the audit trail and budget settlements in the store, written together. */
export interface StoreBookkeeping {
  readonly usage: UsageLedger;
  readonly audit: AuditTrail;
  /** Replaces a budget reservation by the call's actual cost (createStoreBudgetLedger's `settle`). */
  readonly settleBudget: (settlement: BudgetSettlement) => Promise<void>;
}

type Write =
  { readonly usage: UsageIncrement } | { readonly settle: BudgetSettlement } | { readonly audit: AuditEvent };

/**
 * Every served call writes a usage increment and an audit row, and a keyed call with a budget a
 * settlement. All join one group commit: the rows of one event-loop turn land in ONE transaction,
 * not one per table or per call: usage upserts first, then the audit rows and the chain's head,
 * then the settlements. Rows are taken in the same order in every process, so Postgres never
 * deadlocks two batches. On SQLite that transaction runs synchronously on better-sqlite3 with
 * statements prepared once (SqliteTransactions); Kysely's per-query machinery cost more than SQLite
 * did.
 *
 * A batch that collides with another process on the audit chain (same seq, or SQLite busy) is
 * retried whole: its transaction rolled back, usage and settlements included. Other failures
 * behave as group commit does (one row at a time, then rejected to the caller's write-behind
 * queue).
 */
export function createStoreBookkeeping(
  store: Pick<Store, 'db' | 'sqlite'>,
  now: () => number,
): StoreBookkeeping {
  const { db, sqlite } = store;
  const writeOnce = (writes: readonly Write[], at: string): Promise<readonly (AuditRecord | undefined)[]> => {
    const increments: UsageIncrement[] = [];
    const settlements: BudgetSettlement[] = [];
    const events: AuditEvent[] = [];
    for (const write of writes) {
      if ('usage' in write) increments.push(write.usage);
      else if ('settle' in write) settlements.push(write.settle);
      else events.push(write.audit);
    }
    const rows = usageRows(increments);
    const settled = settlementRows(settlements);
    const answer = (entries: readonly AuditRecord[]): (AuditRecord | undefined)[] => {
      let next = 0;
      return writes.map((write) => ('audit' in write ? entries[next++] : undefined));
    };
    if (sqlite !== undefined) {
      return sqlite.transaction((prepare) => {
        if (rows.length > 0) {
          const upsert = prepare(UPSERT_USAGE_ROW);
          for (const row of rows) upsert.run(usageRowParameters(row));
        }
        const entries = events.length === 0 ? [] : appendAuditRowsSqlite(prepare, events, at);
        if (settled.length > 0) {
          const settle = prepare(SETTLE_BUDGET_ROW);
          for (const row of settled) settle.run(settlementParameters(row));
        }
        return answer(entries);
      });
    }
    const inKysely = async (trx: Kysely<Database>) => {
      if (rows.length > 0) await upsertUsageRows(trx, rows);
      const entries = events.length === 0 ? [] : await appendAuditRows(trx, events, at);
      // Last: the budget rows are the ones other gateways' reservations wait for, so they are
      // locked only for the transaction's tail, not while the audit append waits for its seq.
      if (settled.length > 0) await settleBudgetRows(trx, settled);
      return answer(entries);
    };
    // A lone usage upsert or a lone settlement is one statement: no transaction needed around it.
    // The audit append (head read, rows, head update) always needs one.
    const oneStatement = events.length === 0 && (rows.length > 0 ? 1 : 0) + settled.length <= 1;
    return oneStatement ? inKysely(db) : db.transaction().execute(inKysely);
  };
  const write = groupCommit(async (writes: readonly Write[]) => {
    const chained = writes.some((entry) => 'audit' in entry);
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeOnce(writes, new Date(now()).toISOString());
      } catch (error) {
        // Only the audit chain has a head to race for, and only on Postgres: SQLite's transaction
        // holds the write lock from the head read on (BEGIN IMMEDIATE), so a conflict there is a bad
        // row or a busy database, which retrying at once would not fix (write-behind retries later).
        if (!chained || sqlite !== undefined || attempt >= APPEND_ATTEMPTS || !isConflict(error)) throw error;
      }
    }
  });
  return {
    settleBudget: async (settlement) => {
      await write({ settle: settlement });
    },
    usage: {
      async record(increment) {
        await write({ usage: increment });
      },
      query: (query) => queryUsage(db, query),
    },
    audit: {
      async append(event) {
        const entry = await write({ audit: event });
        if (entry === undefined) throw new Error('an audit append wrote no row');
        return entry;
      },
      page: (first, after) => auditPage(db, first, after),
      all: () => allAuditRows(db),
    },
  };
}
