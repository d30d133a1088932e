import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { UsageLedger } from './usage-ledger.js';

/** Daily usage rows, incremented with one upsert per call (both dialects speak ON CONFLICT). */
export function createStoreUsageLedger(db: Kysely<Database>): UsageLedger {
  return {
    async record(increment) {
      await db
        .insertInto('usage_daily')
        .values({
          key_id: increment.keyId,
          model_id: increment.modelId,
          day: increment.day,
          calls: 1,
          input_tokens: increment.inputTokens,
          output_tokens: increment.outputTokens,
          cost_nanos: increment.costNanos,
        })
        .onConflict((conflict) =>
          conflict.columns(['key_id', 'model_id', 'day']).doUpdateSet({
            calls: sql`usage_daily.calls + 1`,
            input_tokens: sql`usage_daily.input_tokens + ${increment.inputTokens}`,
            output_tokens: sql`usage_daily.output_tokens + ${increment.outputTokens}`,
            cost_nanos: sql`usage_daily.cost_nanos + ${increment.costNanos}`,
          }),
        )
        .execute();
    },
    async query({ from, to, keyId }) {
      let query = db.selectFrom('usage_daily').selectAll();
      if (keyId !== null) query = query.where('key_id', '=', keyId);
      if (from !== null) query = query.where('day', '>=', from);
      if (to !== null) query = query.where('day', '<=', to);
      const rows = await query.orderBy('day').orderBy('key_id').orderBy('model_id').execute();
      return rows.map((row) => ({
        keyId: row.key_id,
        modelId: row.model_id,
        day: row.day,
        calls: row.calls,
        inputTokens: Number(row.input_tokens),
        outputTokens: Number(row.output_tokens),
        costNanos: Number(row.cost_nanos),
      }));
    },
  };
}
