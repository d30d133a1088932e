/** One call's contribution to its key × model × UTC day row. */
export interface UsageIncrement {
  readonly keyId: string;
  readonly modelId: string;
  /** `2026-12-06` (UTC). */
  readonly day: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costNanos: number;
}

export interface UsageTotals {
  readonly keyId: string;
  readonly modelId: string;
  readonly day: string;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costNanos: number;
}

export interface UsageQuery {
  /** Inclusive `YYYY-MM-DD` bounds. */
  readonly from: string | null;
  readonly to: string | null;
  readonly keyId: string | null;
}

/** Calls, tokens and cost per key × model × day, written for every call (failed and streamed too). */
export interface UsageLedger {
  record(increment: UsageIncrement): Promise<void>;
  query(query: UsageQuery): Promise<UsageTotals[]>;
}

export function dayOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function createMemoryUsageLedger(): UsageLedger {
  const rows = new Map<string, UsageTotals>();
  return {
    record(increment) {
      const id = `${increment.keyId}|${increment.modelId}|${increment.day}`;
      const row = rows.get(id);
      rows.set(id, {
        keyId: increment.keyId,
        modelId: increment.modelId,
        day: increment.day,
        calls: (row?.calls ?? 0) + 1,
        inputTokens: (row?.inputTokens ?? 0) + increment.inputTokens,
        outputTokens: (row?.outputTokens ?? 0) + increment.outputTokens,
        costNanos: (row?.costNanos ?? 0) + increment.costNanos,
      });
      return Promise.resolve();
    },
    query({ from, to, keyId }) {
      return Promise.resolve(
        [...rows.values()]
          .filter(
            (row) =>
              (keyId === null || row.keyId === keyId) &&
              (from === null || row.day >= from) &&
              (to === null || row.day <= to),
          )
          .sort(
            (a, b) =>
              a.day.localeCompare(b.day) ||
              a.keyId.localeCompare(b.keyId) ||
              a.modelId.localeCompare(b.modelId),
          ),
      );
    },
  };
}
