import type { Kysely, SqliteStatement } from 'kysely';
import type { Database } from './database.js';

/**
 * The gateway's store: one typed Kysely instance over SQLite or Postgres, migrated to the
 * latest version before it is handed out. Features keep their own repositories on top of `db`
 * (e.g. conversations/conversation-repository.ts) and write queries both dialects accept;
 * `dialect` is for the rare statement that differs. Every driver failure that means "database
 * unavailable" reaches callers as a retryable UPSTREAM_UNAVAILABLE QuarryError.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the rows live, safe to log: the SQLite path or host:port/database. */
  readonly description: string;
  /** Names of every applied migration, oldest first. */
  readonly migrations: readonly string[];
  /** SQLite only: synchronous transactions on the database's one connection (see SqliteTransactions). */
  readonly sqlite?: SqliteTransactions | undefined;
  /** Resolves when the database answers a trivial query within `timeoutMs`; throws otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** Closes the connections; queries after it fail. */
  close(): Promise<void>;
}

/**
 * Runs `work` synchronously inside one `BEGIN IMMEDIATE … COMMIT` (rolled back if it throws) on the
 * SQLite connection, borrowed from Kysely's driver for the duration, so no Kysely query or
 * transaction of this process interleaves with it. For the writes made on every call (usage and
 * audit rows), where Kysely's per-query machinery cost more CPU than SQLite itself. `prepare`
 * returns a cached prepared statement per SQL text. Failures come out as the guarded dialect's
 * do (toStoreError: a busy or lost database is a retryable UPSTREAM_UNAVAILABLE).
 */
export interface SqliteTransactions {
  transaction<T>(work: (prepare: (sql: string) => SqliteStatement) => T): Promise<T>;
  /**
   * Runs `work` synchronously on the borrowed connection without opening a transaction. For the
   * one-statement reads on every keyed call (the key by its digest), where a transaction's write
   * lock would only make other processes wait.
   */
  read<T>(work: (prepare: (sql: string) => SqliteStatement) => T): Promise<T>;
}
