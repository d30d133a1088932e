import { QuarryError, type Logger } from '@quarry/core';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, type Dialect, type SqliteStatement } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseLocation } from './database-location.js';
import type { Database } from './database.js';
import { guardedDialect } from './guarded-dialect.js';
import { migrationFolder } from './migration-folder.js';
import { MigrationLockingSqliteDialect } from './sqlite-migration-lock.js';
import { cachingStatements } from './statement-cache.js';
import type { SqliteTransactions, Store } from './store.js';
import { StoreStartupError, toStoreError } from './store-errors.js';

export interface OpenStoreOptions {
  readonly location: DatabaseLocation;
  readonly logger: Logger;
  /** Folder of NNNN-<name> migration modules; defaults to ./migrations beside this file. */
  readonly migrationsFolder?: string;
  /** Postgres connections in the pool. @default 10 */
  readonly poolSize?: number;
  /** How long connecting to Postgres may take before it counts as unreachable. @default 5000 */
  readonly connectTimeoutMs?: number;
  /** Longest a single Postgres query may run; bounds every request when the server stalls. @default 15000 */
  readonly queryTimeoutMs?: number;
}

const DEFAULT_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Connects, checks the database answers, and applies pending migrations (safe when several
 * instances start at once against one Postgres: Kysely's Migrator holds an advisory lock and runs
 * each migration in a transaction). Throws StoreStartupError saying which step failed and what to do.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { location, logger } = options;
  // Each driver loads only when its database is used: a SQLite gateway never loads pg, and back.
  const opened =
    location.kind === 'sqlite'
      ? await openSqlite(location.path)
      : await openPostgres(location, options, logger);
  const db = new Kysely<Database>({ dialect: guardedDialect(opened.dialect) });
  const ping = async (timeoutMs: number): Promise<void> => {
    await withTimeout(
      sql`select 1`.execute(db),
      timeoutMs,
      `the database did not answer within ${timeoutMs} ms`,
    );
  };

  try {
    await ping(options.connectTimeoutMs ?? 5_000).catch((error: unknown) => {
      throw new StoreStartupError(unreachableMessage(location, error), { cause: error });
    });
    const migrations = await migrate(db, options.migrationsFolder ?? DEFAULT_MIGRATIONS, logger);
    logger.info(
      {
        event: 'store.ready',
        dialect: location.kind,
        database: opened.description,
        migrations: migrations.length,
      },
      `Store: ${opened.description} (${migrations.length} migrations applied)`,
    );
    return {
      db,
      ...(opened.transactions !== undefined && { sqlite: opened.transactions(db) }),
      dialect: location.kind,
      description: opened.description,
      migrations,
      ping,
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

interface OpenedDriver {
  readonly dialect: Dialect;
  readonly description: string;
  /** SQLite: synchronous transactions that borrow the connection from `db`'s driver. */
  readonly transactions?: (db: Kysely<Database>) => SqliteTransactions;
}

async function openSqlite(path: string): Promise<OpenedDriver> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  let database: BetterSqlite3.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new BetterSqlite3(path);
    // WAL: readers never block the writer; NORMAL sync is durable across process crashes
    // (only power loss can drop the last commits). busy_timeout rides out brief locks held by
    // another process instead of failing at once.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new StoreStartupError(
      `Cannot open the SQLite database at ${path}: ${messageOf(error)}. ` +
        'Check that the folder is writable and the file is a SQLite database, or point DATABASE_URL elsewhere.',
      { cause: error },
    );
  }
  const statements = cachingStatements(database);
  const prepare = (text: string) => statements.prepare(text);
  // Built once: better-sqlite3 wraps the function in BEGIN IMMEDIATE / COMMIT / ROLLBACK. IMMEDIATE
  // takes the write lock before reading, so a read-then-write (the audit head) cannot lose a race
  // to another process halfway through.
  const inTransaction = database.transaction(
    (work: (prepare: (text: string) => SqliteStatement) => unknown) => work(prepare),
  );
  return {
    dialect: new MigrationLockingSqliteDialect({ database: statements }),
    description: `sqlite ${path}`,
    transactions: (db) => {
      // Holding Kysely's connection (its driver's mutex) keeps every Kysely query of this process
      // out until the synchronous work is done, and keeps the work out of a Kysely transaction
      // that is open on the same connection.
      const borrowed = <T>(work: () => T): Promise<T> =>
        db
          .connection()
          .execute(() => Promise.resolve().then(work))
          .catch((error: unknown) => {
            throw toStoreError(error);
          });
      return {
        transaction: <T>(work: (prepare: (text: string) => SqliteStatement) => T) =>
          borrowed(() => inTransaction.immediate(work) as T),
        read: <T>(work: (prepare: (text: string) => SqliteStatement) => T) => borrowed(() => work(prepare)),
      };
    },
  };
}

async function openPostgres(
  location: Extract<DatabaseLocation, { kind: 'postgres' }>,
  options: OpenStoreOptions,
  logger: Logger,
): Promise<OpenedDriver> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: location.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: options.queryTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would crash
  // the process. The next query reports the outage instead.
  const onLost = (error: Error): void => {
    logger.warn({ event: 'store.connection-lost', err: error }, 'a database connection was lost');
  };
  pool.on('error', onLost);
  // pg also emits 'error' on a checked-out client whose server vanished between two queries,
  // where the pool's own listener is detached: without this the process would crash.
  pool.on('connect', (client) => client.on('error', onLost));
  return { dialect: new PostgresDialect({ pool }), description: `postgres ${location.display}` };
}

async function migrate(db: Kysely<Database>, folder: string, logger: Logger): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationFolder(folder),
    // Features number their migrations in separate ranges (0001.., 0010.., 0020..) and land in
    // any order; a lower number arriving after a higher one still runs.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  for (const result of results) {
    if (result.status === 'Success') {
      logger.info(
        { event: 'store.migrated', migration: result.migrationName },
        `applied migration ${result.migrationName}`,
      );
    }
  }
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new StoreStartupError(
      failed === undefined
        ? `Cannot migrate the database: ${messageOf(error)}. Check that the DATABASE_URL user may create tables.`
        : `Migration ${failed} failed: ${messageOf(error)}. Migrations before it are kept; fix the cause (or restore the database) and start again.`,
      { cause: error },
    );
  }
  return (await migrator.getMigrations())
    .filter((entry) => entry.executedAt !== undefined)
    .map((entry) => entry.name);
}

function unreachableMessage(location: DatabaseLocation, error: unknown): string {
  if (location.kind === 'sqlite') {
    return `Cannot use the SQLite database at ${location.path}: ${messageOf(error)}. Check DATABASE_URL and the file's permissions.`;
  }
  // The guarded driver wraps connection failures; the driver's own code says what went wrong.
  const original = error instanceof QuarryError && error.cause !== undefined ? error.cause : error;
  const code = (original as { code?: unknown }).code;
  const where = location.display;
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach Postgres at ${where}: nothing accepts connections there. Start Postgres or fix the host and port in DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach Postgres at ${where}: the host name does not resolve. Fix the host in DATABASE_URL.`;
    case '28P01':
    case '28000':
      return `Postgres at ${where} refused the login: ${messageOf(error)}. Fix the user and password in DATABASE_URL.`;
    case '3D000':
      return `Postgres at ${where} has no such database: ${messageOf(error)}. Create it (createdb) or fix the name in DATABASE_URL.`;
    default:
      return `Cannot reach Postgres at ${where}: ${messageOf(error)}. Check DATABASE_URL and that Postgres is running.`;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  if (error instanceof Error) {
    const cause = error.cause;
    // toStoreError wraps driver errors; name the original failure, not the wrapper's advice.
    return cause instanceof Error && error.name === 'QuarryError' ? messageOf(cause) : error.message;
  }
  return String(error);
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new Error(message));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
