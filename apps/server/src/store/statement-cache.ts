import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LRUCache } from 'lru-cache';

/** The subset of better-sqlite3's Database that Kysely's SQLite driver uses. */
interface PreparingDatabase {
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
  close(): unknown;
}

/**
 * Kysely's SQLite driver prepares every query's SQL afresh, and parsing and planning it was 7% of
 * the gateway's CPU per call (usage and audit rows are written for every call). The SQL of a
 * repository's query is the same every time, so its prepared statement is kept and reused: up to
 * `limit` of them, least recently used dropped first, so SQL that varies (IN lists) stays bounded.
 * A statement still being iterated (a streamed query) is busy and cannot be rebound, so that one
 * call gets a fresh statement.
 */
export function cachingStatements(database: PreparingDatabase, limit = 256): SqliteDatabase {
  const statements = new LRUCache<string, SqliteStatement & { readonly busy?: boolean }>({ max: limit });
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached !== undefined) return cached.busy === true ? database.prepare(sql) : cached;
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
