import { QuarryError } from '@quarry/core';

export interface GroupCommitOptions {
  /** Items per flush at most; more wait for the next one. @default 64 */
  readonly maxBatch?: number;
}

/**
 * Group commit for bookkeeping rows. Every served call writes a usage row and an audit row, and
 * one transaction per row was a third of the gateway's CPU per call. Items submitted in the same
 * turn of the event loop (and while a flush runs) are written together by one `flush`, which
 * returns one result per item, in order. Flushes never overlap, so rows land in submission order
 * (the audit chain relies on that).
 *
 * When a batch fails for a reason a retry would not fix (not a retryable QuarryError), its items
 * are retried one at a time, so one bad row fails alone, as it would without batching. A batch that
 * fails because the store is unreachable rejects every item with that error; the caller's
 * write-behind queue keeps them.
 */
export function groupCommit<Item, Result>(
  flush: (items: readonly Item[]) => Promise<readonly Result[]>,
  options: GroupCommitOptions = {},
): (item: Item) => Promise<Result> {
  const maxBatch = options.maxBatch ?? 64;
  let waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  let flushing = false;

  const flushOne = async (batch: typeof waiting): Promise<void> => {
    try {
      const results = await flush(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        entry.resolve(results[index] as Result);
      });
    } catch (error) {
      if (batch.length === 1 || (error instanceof QuarryError && error.retryable)) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      for (const entry of batch) await flushOne([entry]);
    }
  };
  const run = async (): Promise<void> => {
    scheduled = false;
    flushing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(batch.length);
        await flushOne(batch);
      }
    } finally {
      flushing = false;
    }
  };
  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (scheduled || flushing) return;
      scheduled = true;
      // setImmediate runs after this turn's I/O callbacks: every call settled in this turn joins.
      setImmediate(() => void run());
    });
}
