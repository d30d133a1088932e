import { sql, type Kysely, type SqliteStatement } from 'kysely';
import type { Database } from '../store/database.js';
import type { AuditHeadTable, AuditLogTable } from '../store/tables/governance-tables.js';
import { chainedFields, GENESIS_HASH, hashEntry, type AuditEvent, type AuditRecord } from './audit-chain.js';
import type { AuditRecordPage } from './audit-trail.js';

/**
 * How often an append retries when another gateway process took the same sequence number. A
 * process can lose that race once per append the other process makes while it retries, so this
 * is sized well above a burst of concurrent appends, not at a handful.
 */
export const APPEND_ATTEMPTS = 200;

type Head = { readonly seq: number; readonly hash: string } | undefined;

/**
 * Seals events into the chain after `head`, all stamped `at`. Each record is one object literal in
 * a fixed shape: spreading the event twice per row (`{ ...event, … }`) cost more than hashing it.
 */
function seal(events: readonly AuditEvent[], head: Head, at: string): AuditRecord[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return events.map((event): AuditRecord => {
    seq += 1;
    const unsealed = {
      seq,
      at,
      keyId: event.keyId,
      keyName: event.keyName,
      operation: event.operation,
      modelId: event.modelId,
      region: event.region,
      requestId: event.requestId,
      upstreamRequestId: event.upstreamRequestId,
      inputTokens: event.inputTokens,
      outputTokens: event.outputTokens,
      costUsd: event.costUsd,
      outcome: event.outcome,
      errorCode: event.errorCode,
      detail: event.detail,
      prevHash,
      hash: '',
    };
    unsealed.hash = hashEntry(unsealed);
    prevHash = unsealed.hash;
    return unsealed;
  });
}

const INSERT_COLUMNS = `insert into audit_log (seq, at, key_id, key_name, operation, model_id, region, request_id,
        upstream_request_id, input_tokens, output_tokens, cost_usd, outcome, error_code, detail, prev_hash, hash)`;
const INSERT_ONE = `${INSERT_COLUMNS} values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const SELECT_HEAD = 'select seq, hash from audit_head where id = 1';
const INSERT_HEAD = 'insert into audit_head (id, seq, hash) values (1, ?, ?)';
const UPDATE_HEAD = 'update audit_head set seq = ?, hash = ? where id = 1 and seq = ?';

/** An entry's values in INSERT_COLUMNS order. */
function rowValues(entry: AuditRecord): unknown[] {
  const values = chainedFields(entry);
  values.push(entry.prevHash, entry.hash);
  return values;
}

/**
 * Appends events inside an open Kysely transaction (Postgres): reads the head, inserts the next
 * rows and moves the head. Raw statements, not the query builder: building and compiling the
 * builder's four queries cost more than the database took to run them, on every call. Another
 * process that took the same seq meanwhile makes the insert fail (primary key): the caller retries.
 */
export async function appendAuditRows(
  trx: Kysely<Database>,
  events: readonly AuditEvent[],
  at: string,
): Promise<AuditRecord[]> {
  const head = (await sql<AuditHeadTable>`select seq, hash from audit_head where id = 1`.execute(trx))
    .rows[0];
  const entries = seal(events, head, at);
  const rows = sql.join(entries.map((entry) => sql`(${sql.join(rowValues(entry))})`));
  await sql`${sql.raw(INSERT_COLUMNS)} values ${rows}`.execute(trx);
  const last = entries.at(-1);
  if (last === undefined) return entries;
  if (head === undefined)
    await sql`insert into audit_head (id, seq, hash) values (1, ${last.seq}, ${last.hash})`.execute(trx);
  else
    await sql`update audit_head set seq = ${last.seq}, hash = ${last.hash}
          where id = 1 and seq = ${head.seq}`.execute(trx);
  return entries;
}

/**
 * The same append inside a synchronous SQLite transaction (SqliteTransactions): one prepared
 * statement run per row. Its BEGIN IMMEDIATE holds the write lock from the head read on, so no
 * other process can take the seq in between.
 */
export function appendAuditRowsSqlite(
  prepare: (text: string) => SqliteStatement,
  events: readonly AuditEvent[],
  at: string,
): AuditRecord[] {
  const head = prepare(SELECT_HEAD).all([])[0] as AuditHeadTable | undefined;
  const entries = seal(events, head, at);
  const insert = prepare(INSERT_ONE);
  for (const entry of entries) insert.run(rowValues(entry));
  const last = entries.at(-1);
  if (last === undefined) return entries;
  if (head === undefined) prepare(INSERT_HEAD).run([last.seq, last.hash]);
  else prepare(UPDATE_HEAD).run([last.seq, last.hash, head.seq]);
  return entries;
}

/** Newest first; `after` is a cursor from a previous page. */
export async function auditPage(
  db: Kysely<Database>,
  first: number,
  after: string | null,
): Promise<AuditRecordPage> {
  let query = db.selectFrom('audit_log').selectAll();
  if (after !== null) query = query.where('seq', '<', Number(after));
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(first + 1)
    .execute();
  const entries = rows.slice(0, first).map(fromRow);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > first && last !== undefined ? String(last.seq) : null };
}

/** Every audit row in seq order, read in pages so a long log never sits in memory at once. */
export async function* allAuditRows(db: Kysely<Database>): AsyncIterable<AuditRecord> {
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
export function isConflict(error: unknown): boolean {
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
