import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { groupCommit } from '../store/group-commit.js';
import type { UsageDailyTable } from '../store/tables/governance-tables.js';
import type { UsageIncrement, UsageLedger } from './usage-ledger.js';

/**
 * Daily usage rows. Increments recorded together (group commit) are summed per key × model × day
 * and written by one upsert (both dialects speak ON CONFLICT); summing first matters, as Postgres
 * refuses a statement that updates the same row twice.
 */
export function createStoreUsageLedger(db: Kysely<Database>): UsageLedger {
  const record = groupCommit(async (increments: readonly UsageIncrement[]): Promise<readonly undefined[]> => {
    const rows = new Map<
      string,
      UsageDailyTable & { input_tokens: number; output_tokens: number; cost_nanos: number }
    >();
    for (const { keyId, modelId, day, inputTokens, outputTokens, costNanos } of increments) {
      const key = JSON.stringify([keyId, modelId, day]);
      const row = rows.get(key);
      if (row === undefined) {
        rows.set(key, {
          key_id: keyId,
          model_id: modelId,
          day,
          calls: 1,
          input_tokens: inputTokens,
          output_tokens: outputTokens,
          cost_nanos: costNanos,
        });
      } else {
        row.calls += 1;
        row.input_tokens += inputTokens;
        row.output_tokens += outputTokens;
        row.cost_nanos += costNanos;
      }
    }
    await db
      .insertInto('usage_daily')
      .values([...rows.values()])
      .onConflict((conflict) =>
        conflict.columns(['key_id', 'model_id', 'day']).doUpdateSet({
          calls: sql`usage_daily.calls + excluded.calls`,
          input_tokens: sql`usage_daily.input_tokens + excluded.input_tokens`,
          output_tokens: sql`usage_daily.output_tokens + excluded.output_tokens`,
          cost_nanos: sql`usage_daily.cost_nanos + excluded.cost_nanos`,
        }),
      )
      .execute();
    return increments.map(() => undefined);
  });
  return {
    record,
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
