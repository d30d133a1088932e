import { hash } from 'node:crypto';

/** What happened, as an audit row records it (CloudTrail-like: who, what, where, how much, outcome). */
export interface AuditEvent {
  /** The key that acted; null for the gateway itself. */
  readonly keyId: string | null;
  readonly keyName: string | null;
  /** `invoke`, `stream`, `embed`, `createApiKey`, … */
  readonly operation: string;
  readonly modelId: string | null;
  readonly region: string | null;
  /** The gateway's request id (x-request-id), as in the logs. */
  readonly requestId: string | null;
  /** Bedrock's x-amzn-requestid. */
  readonly upstreamRequestId: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  /** `ok`, `error`, `refused` (policy said no before any upstream call) or `cancelled`. */
  readonly outcome: string;
  readonly errorCode: string | null;
  /** Free-form facts (e.g. the key an admin action touched); never prompts or outputs. */
  readonly detail: string | null;
}

/** A stored row: the event, its place in the chain and the hash that seals it to its predecessor. */
export interface AuditRecord extends AuditEvent {
  /** 1, 2, 3, … without gaps: a deleted row leaves a hole the verifier reports. */
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The chain's anchor: the first row's prevHash. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A row's fields in the chain's fixed order, which is also audit_log's column order before
 * prev_hash and hash (the stores insert this list). The order is part of the stored hashes: it
 * must never change.
 */
export function chainedFields(entry: Omit<AuditRecord, 'hash'>): unknown[] {
  return [
    entry.seq,
    entry.at,
    entry.keyId,
    entry.keyName,
    entry.operation,
    entry.modelId,
    entry.region,
    entry.requestId,
    entry.upstreamRequestId,
    entry.inputTokens,
    entry.outputTokens,
    entry.costUsd,
    entry.outcome,
    entry.errorCode,
    entry.detail,
  ];
}

/**
 * SHA-256 over the previous hash and every field in a fixed order: changing any field of any row,
 * or removing or reordering rows, changes every later hash.
 */
export function hashEntry(entry: Omit<AuditRecord, 'hash'>): string {
  // One-shot hash of the concatenation: the same digest as update(prevHash).update(fields), without
  // a Hash object per row.
  return hash('sha256', entry.prevHash + JSON.stringify(chainedFields(entry)), 'hex');
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly headHash: string }
  | { readonly ok: false; readonly entries: number; readonly seq: number; readonly problem: string };

/**
 * Checks rows in `seq` order, from the first; stops at the first broken link. With `head` (the
 * last seq and hash the log recorded), also reports newest rows that were deleted.
 */
export async function verifyChain(
  rows: AsyncIterable<AuditRecord> | Iterable<AuditRecord>,
  head?: { readonly seq: number; readonly hash: string },
): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  for await (const row of rows) {
    count += 1;
    if (row.seq !== expected)
      return {
        ok: false,
        entries: count,
        seq: row.seq,
        problem: `expected row ${expected} next, found ${row.seq}: rows were deleted or reordered`,
      };
    if (row.prevHash !== prevHash)
      return {
        ok: false,
        entries: count,
        seq: row.seq,
        problem: 'prevHash does not match the previous row: a row before it was changed or removed',
      };
    const actual = hashEntry(row);
    if (actual !== row.hash)
      return {
        ok: false,
        entries: count,
        seq: row.seq,
        problem: 'hash does not match the row: the row was edited',
      };
    prevHash = row.hash;
    expected += 1;
  }
  if (head !== undefined && (head.seq !== expected - 1 || head.hash !== prevHash)) {
    return {
      ok: false,
      entries: count,
      seq: expected,
      problem: `the log's head records row ${head.seq}, but the rows end at ${expected - 1}: the newest rows were deleted or the head was changed`,
    };
  }
  return { ok: true, entries: count, headHash: prevHash };
}
