import type { Kysely } from 'kysely';

/** API keys, daily usage, the hash-chained audit log and monthly budget spend (issue 11). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('prefix', 'text', (column) => column.notNull())
    .addColumn('digest', 'text', (column) => column.notNull().unique())
    .addColumn('models', 'text')
    .addColumn('operations', 'text', (column) => column.notNull())
    .addColumn('requests_per_minute', 'integer')
    .addColumn('tokens_per_minute', 'integer')
    .addColumn('monthly_budget_usd', 'double precision')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('usage_daily')
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('calls', 'integer', (column) => column.notNull())
    .addColumn('input_tokens', 'bigint', (column) => column.notNull())
    .addColumn('output_tokens', 'bigint', (column) => column.notNull())
    .addColumn('cost_nanos', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('usage_daily_pk', ['key_id', 'model_id', 'day'])
    .execute();
  await db.schema.createIndex('usage_daily_day').on('usage_daily').columns(['day']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text')
    .addColumn('key_name', 'text')
    .addColumn('operation', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text')
    .addColumn('region', 'text')
    .addColumn('request_id', 'text')
    .addColumn('upstream_request_id', 'text')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('cost_usd', 'double precision')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('error_code', 'text')
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('seq', 'integer', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('budget_spend')
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('month', 'text', (column) => column.notNull())
    .addColumn('spent_nanos', 'bigint', (column) => column.notNull())
    .addColumn('reserved_nanos', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('budget_spend_pk', ['key_id', 'month'])
    .execute();
}
