/**
 * Row shapes of the governance tables (migration 0010). Money is whole nano-dollars (bigint) so
 * sums stay exact; timestamps are ISO-8601 UTC text, as in the other tables.
 */
export interface ApiKeyTable {
  readonly id: string;
  name: string;
  prefix: string;
  /** SHA-256 of the secret (hex); unique, looked up on every request. */
  digest: string;
  /** JSON array of model patterns, or null for every model. */
  models: string | null;
  /** JSON array of Operation names. */
  operations: string;
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
  monthly_budget_usd: number | null;
  readonly created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/** One key × model × UTC day. */
export interface UsageDailyTable {
  readonly key_id: string;
  readonly model_id: string;
  readonly day: string;
  calls: number;
  /** bigint columns: pg returns them as strings, hence the union. */
  input_tokens: number | string;
  output_tokens: number | string;
  cost_nanos: number | string;
}

export interface AuditLogTable {
  readonly seq: number;
  readonly at: string;
  readonly key_id: string | null;
  readonly key_name: string | null;
  readonly operation: string;
  readonly model_id: string | null;
  readonly region: string | null;
  readonly request_id: string | null;
  readonly upstream_request_id: string | null;
  readonly input_tokens: number | null;
  readonly output_tokens: number | null;
  readonly cost_usd: number | null;
  readonly outcome: string;
  readonly error_code: string | null;
  readonly detail: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * The chain's head (one row, id 1), written in the same transaction as each audit row: deleting
 * the newest rows leaves the head pointing past the end, which the verifier reports.
 */
export interface AuditHeadTable {
  readonly id: number;
  seq: number;
  hash: string;
}

/** A key's spend and in-flight reservations for one UTC month. */
export interface BudgetSpendTable {
  readonly key_id: string;
  readonly month: string;
  spent_nanos: number | string;
  reserved_nanos: number | string;
}

export interface GovernanceTables {
  api_keys: ApiKeyTable;
  usage_daily: UsageDailyTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  budget_spend: BudgetSpendTable;
}
