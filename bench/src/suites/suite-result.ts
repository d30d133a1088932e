/** What every suite reports; run.ts writes it to bench/results/<name>.json and the summary table. */
export interface SuiteResult {
  readonly name: string;
  readonly description: string;
  /** Rows of the summary table: what was measured, the number, and its baseline. */
  readonly rows: readonly ResultRow[];
  /** Everything measured, for the JSON file. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Markdown profile summaries of the targets this run missed (see gateway-profile.ts). */
  readonly profiles?: readonly string[];
}

/** A target's verdict cell: met or missed, with the target itself. */
export function verdict(met: boolean, target: string): string {
  return met ? `met (${target})` : `**missed** (${target})`;
}

/** `a / b` as a ratio cell. */
export function ratio(value: number, baseline: number, digits = 2): string {
  const factor = 10 ** digits;
  return `${Math.round((value / baseline) * factor) / factor}×`;
}

export interface ResultRow {
  readonly metric: string;
  readonly value: string;
  readonly baseline: string;
  readonly verdict: string;
}
