import type { Kysely } from 'kysely';
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
  /** Resolves when the database answers a trivial query within `timeoutMs`; throws otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** Closes the connections; queries after it fail. */
  close(): Promise<void>;
}
