/** What every suite reports; run.ts writes it to bench/results/<name>.json and the summary table. */
export interface SuiteResult {
  readonly name: string;
  readonly description: string;
  /** Rows of the summary table: what was measured, the number, and its baseline. */
  readonly rows: readonly ResultRow[];
  /** Everything measured, for the JSON file. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ResultRow {
  readonly metric: string;
  readonly value: string;
  readonly baseline: string;
  readonly verdict: string;
}
