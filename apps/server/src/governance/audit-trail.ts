import { GENESIS_HASH, hashEntry, type AuditRecord, type AuditEvent } from './audit-chain.js';

export interface AuditRecordPage {
  readonly entries: AuditRecord[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  readonly nextCursor: string | null;
}

/** The append-only, hash-chained audit log (memory here; the database with a store). */
export interface AuditTrail {
  append(event: AuditEvent): Promise<AuditRecord>;
  /** Newest first; `after` is a cursor from a previous page. */
  page(first: number, after: string | null): Promise<AuditRecordPage>;
  /** Every row in chain order, for verification. */
  all(): AsyncIterable<AuditRecord> | Iterable<AuditRecord>;
}

export function createMemoryAuditTrail(now: () => number): AuditTrail {
  const rows: AuditRecord[] = [];
  return {
    append(event) {
      const last = rows.at(-1);
      const unsealed = {
        ...event,
        seq: (last?.seq ?? 0) + 1,
        at: new Date(now()).toISOString(),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const entry = { ...unsealed, hash: hashEntry(unsealed) };
      rows.push(entry);
      return Promise.resolve(entry);
    },
    page(first, after) {
      const before = after === null ? Number.POSITIVE_INFINITY : Number(after);
      const older = rows.filter((row) => row.seq < before).reverse();
      const entries = older.slice(0, first);
      const last = entries.at(-1);
      return Promise.resolve({
        entries,
        nextCursor: older.length > first && last !== undefined ? String(last.seq) : null,
      });
    },
    all: () => rows.slice(),
  };
}
