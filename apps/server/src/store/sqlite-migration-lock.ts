import { sql, SqliteAdapter, SqliteDialect, type DialectAdapter, type Kysely } from 'kysely';

/**
 * Kysely's SQLite adapter takes no migration lock (it assumes one connection), so two gateways
 * starting on one file could both run a migration. This one runs the whole migration step inside
 * `BEGIN IMMEDIATE`: the second process waits (busy_timeout) for the first to commit, then finds
 * nothing left to apply.
 */
export class MigrationLockingSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new MigrationLockingSqliteAdapter();
  }
}

class MigrationLockingSqliteAdapter extends SqliteAdapter {
  #locked = false;

  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`begin immediate`.execute(db);
    this.#locked = true;
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    // Also called after a failed acquire; only a lock we hold has a transaction to end.
    if (!this.#locked) return;
    this.#locked = false;
    await sql`commit`.execute(db);
  }
}
