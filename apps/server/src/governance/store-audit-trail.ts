import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { AuditHeadTable, AuditLogTable } from '../store/tables/governance-tables.js';
import { groupCommit } from '../store/group-commit.js';
import { GENESIS_HASH, hashEntry, type AuditEvent, type AuditRecord } from './audit-chain.js';
import type { AuditTrail } from './audit-trail.js';

/**
 * How often an append retries when another gateway process took the same sequence number. A
 * process can lose that race once per append the other process makes while it retries, so this
 * is sized well above a burst of concurrent appends, not at a handful.
 */
const APPEND_ATTEMPTS = 200;

/**
 * The audit chain in `audit_log`, its head in `audit_head`. Appends made together are written by
 * one transaction (group commit): it reads the head, inserts the next rows and moves the head.
 * Batches from this process follow each other in order; a collision with another process (same
 * seq: primary key) retries the batch.
 */
export function createStoreAuditTrail(db: Kysely<Database>, now: () => number): AuditTrail {
  // Raw statements, not the query builder: building and compiling the builder's four queries cost
  // more than SQLite took to run them, on every call.
  const appendOnce = (events: readonly AuditEvent[]) =>
    db.transaction().execute(async (trx) => {
      const head = (await sql<AuditHeadTable>`select seq, hash from audit_head where id = 1`.execute(trx))
        .rows[0];
      const at = new Date(now()).toISOString();
      let previous = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
      const entries = events.map((event): AuditRecord => {
        const unsealed = { ...event, seq: previous.seq + 1, at, prevHash: previous.hash };
        const entry = { ...unsealed, hash: hashEntry(unsealed) };
        previous = entry;
        return entry;
      });
      const rows = sql.join(
        entries.map(
          (entry) =>
            sql`(${entry.seq}, ${entry.at}, ${entry.keyId}, ${entry.keyName}, ${entry.operation}, ${entry.modelId}, ${entry.region}, ${entry.requestId}, ${entry.upstreamRequestId}, ${entry.inputTokens}, ${entry.outputTokens}, ${entry.costUsd}, ${entry.outcome}, ${entry.errorCode}, ${entry.detail}, ${entry.prevHash}, ${entry.hash})`,
        ),
      );
      await sql`insert into audit_log (seq, at, key_id, key_name, operation, model_id, region, request_id,
        upstream_request_id, input_tokens, output_tokens, cost_usd, outcome, error_code, detail, prev_hash, hash)
        values ${rows}`.execute(trx);
      if (head === undefined)
        await sql`insert into audit_head (id, seq, hash) values (1, ${previous.seq}, ${previous.hash})`.execute(
          trx,
        );
      else
        await sql`update audit_head set seq = ${previous.seq}, hash = ${previous.hash}
          where id = 1 and seq = ${head.seq}`.execute(trx);
      return entries;
    });
  const append = groupCommit(async (events: readonly AuditEvent[]): Promise<readonly AuditRecord[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await appendOnce(events);
      } catch (error) {
        if (attempt >= APPEND_ATTEMPTS || !isConflict(error)) throw error;
      }
    }
  });
  return {
    append,
    async page(first, after) {
      let query = db.selectFrom('audit_log').selectAll();
      if (after !== null) query = query.where('seq', '<', Number(after));
      const rows = await query
        .orderBy('seq', 'desc')
        .limit(first + 1)
        .execute();
      const entries = rows.slice(0, first).map(fromRow);
      const last = entries.at(-1);
      return { entries, nextCursor: rows.length > first && last !== undefined ? String(last.seq) : null };
    },
    all: () => allRows(db),
  };
}

/** Every audit row in seq order, read in pages so a long log never sits in memory at once. */
async function* allRows(db: Kysely<Database>): AsyncIterable<AuditRecord> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1_000)
      .execute();
    for (const row of rows) yield fromRow(row);
    const last = rows.at(-1);
    if (last === undefined) return;
    after = last.seq;
  }
}

/** The head row, if any: the verifier compares it with the last row it saw. */
export async function readAuditHead(
  db: Kysely<Database>,
): Promise<{ seq: number; hash: string } | undefined> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head === undefined ? undefined : { seq: head.seq, hash: head.hash };
}

function fromRow(row: AuditLogTable): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    keyId: row.key_id,
    keyName: row.key_name,
    operation: row.operation,
    modelId: row.model_id,
    region: row.region,
    requestId: row.request_id,
    upstreamRequestId: row.upstream_request_id,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_usd,
    outcome: row.outcome,
    errorCode: row.error_code,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A unique-key clash (Postgres 23505, SQLite SQLITE_CONSTRAINT*) or SQLite's busy lock. */
function isConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let current: unknown = error;
    current instanceof Error && !seen.has(current);
    current = current.cause
  ) {
    seen.add(current);
    const raw = (current as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : '';
    if (
      code === '23505' ||
      code.startsWith('SQLITE_CONSTRAINT') ||
      code === 'SQLITE_BUSY' ||
      code === '40001'
    )
      return true;
  }
  return false;
}
