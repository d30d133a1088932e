import type { Store } from '../store/store.js';
import type { ApiKeyTable } from '../store/tables/governance-tables.js';
import type { ApiKeyRecord, KeyStore } from './api-key-record.js';
import type { Operation } from './operation.js';

/**
 * Keys in the `api_keys` table, looked up by the secret's digest (unique index). Every request
 * with an issued key looks its key up (a revocation by any process sharing the database counts at
 * once), so on SQLite that lookup is one prepared statement run synchronously: through Kysely's
 * query builder it cost several times what SQLite did.
 */
export function createStoreKeyStore(store: Pick<Store, 'db' | 'sqlite'>): KeyStore {
  const { db, sqlite } = store;
  const byDigest = (digest: string) => db.selectFrom('api_keys').selectAll().where('digest', '=', digest);
  // The same query's SQL, compiled once for the synchronous path.
  const byDigestSql = byDigest('').compile().sql;
  const byId = async (id: string) =>
    toKey(await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst());
  return {
    async insert(record) {
      await db
        .insertInto('api_keys')
        .values({
          id: record.id,
          name: record.name,
          prefix: record.prefix,
          digest: record.digest,
          models: record.models === null ? null : JSON.stringify(record.models),
          operations: JSON.stringify(record.operations),
          requests_per_minute: record.requestsPerMinute,
          tokens_per_minute: record.tokensPerMinute,
          monthly_budget_usd: record.monthlyBudgetUsd,
          created_at: record.createdAt,
          expires_at: record.expiresAt,
          revoked_at: record.revokedAt,
        })
        .execute();
    },
    async findByDigest(digest) {
      if (sqlite !== undefined)
        return toKey(
          await sqlite.read((prepare) => prepare(byDigestSql).all([digest])[0] as ApiKeyTable | undefined),
        );
      return toKey(await byDigest(digest).executeTakeFirst());
    },
    findById: byId,
    async list() {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => toKey(row) as ApiKeyRecord);
    },
    async any() {
      return (await db.selectFrom('api_keys').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    async setRevoked(id, revokedAt) {
      // The first revocation time stays: revoking twice is not a new event.
      await db
        .updateTable('api_keys')
        .set({ revoked_at: revokedAt })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return byId(id);
    },
    async setSecret(id, digest, prefix) {
      await db.updateTable('api_keys').set({ digest, prefix }).where('id', '=', id).execute();
      return byId(id);
    },
  };
}

function toKey(row: ApiKeyTable | undefined): ApiKeyRecord | undefined {
  if (row === undefined) return undefined;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    digest: row.digest,
    models: row.models === null ? null : (JSON.parse(row.models) as string[]),
    operations: JSON.parse(row.operations) as Operation[],
    requestsPerMinute: row.requests_per_minute,
    tokensPerMinute: row.tokens_per_minute,
    monthlyBudgetUsd: row.monthly_budget_usd,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
