import { QuarryError } from '@quarry/core';
import { sql } from 'kysely';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { StoreStartupError } from '../../src/store/store-errors.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import {
  createTestDatabase,
  describeEachDialect,
  POSTGRES_ADMIN_URL,
  postgresSkipReason,
  type TestDatabase,
} from '../support/test-databases.js';
import { createSilentLogger } from '@quarry/core';

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function fresh(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  return database;
}

describeEachDialect('store', (dialect) => {
  it('creates the database and applies every migration on first open', async () => {
    const database = await fresh(dialect);
    const store = await database.open();
    expect(store.dialect).toBe(dialect);
    expect(store.migrations).toContain('0001-conversations');
    await store.ping(1_000);
    const rows = await store.db.selectFrom('conversations').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('applies nothing twice when reopened', async () => {
    const database = await fresh(dialect);
    const first = await database.open();
    await first.db
      .insertInto('conversations')
      .values({
        id: 'c1',
        owner: 'admin',
        model_id: 'm',
        system: null,
        title: null,
        max_tokens: null,
        temperature: null,
        tools: null,
        tool_choice: null,
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await first.close();
    const second = await database.open();
    expect(second.migrations).toEqual(first.migrations);
    expect(await second.db.selectFrom('conversations').select('id').execute()).toEqual([{ id: 'c1' }]);
  });

  // Several gateways share one Postgres; a SQLite file belongs to one process (and better-sqlite3
  // waits for locks synchronously, so instances inside one test process would block each other).
  it.skipIf(dialect === 'sqlite')(
    'migrates once when several instances start at the same moment',
    async () => {
      const database = await fresh(dialect);
      const stores = await Promise.all([database.open(), database.open(), database.open()]);
      for (const store of stores) expect(store.migrations).toEqual(stores[0].migrations);
      const applied = await sql<{
        count: number | string;
      }>`select count(*) as count from kysely_migration`.execute(stores[0].db);
      expect(Number(applied.rows[0]!.count)).toBe(stores[0].migrations.length);
    },
  );

  it('stops startup naming the migration that failed, keeping the ones before it', async () => {
    const database = await fresh(dialect);
    const folder = await mkdtemp(join(tmpdir(), 'quarry-migrations-'));
    try {
      await writeFile(
        join(folder, '0001-good.js'),
        "export async function up(db) { await db.schema.createTable('good_table').addColumn('id', 'text').execute(); }\n",
      );
      await writeFile(
        join(folder, '0002-broken.js'),
        "export async function up() { throw new Error('column type not supported'); }\n",
      );
      const error = await database.open({ migrationsFolder: folder }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreStartupError);
      expect((error as Error).message).toMatch(/Migration 0002-broken failed: column type not supported/);
      await rm(join(folder, '0002-broken.js'));
      const store = await database.open({ migrationsFolder: folder });
      expect(store.migrations).toEqual(['0001-good']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses a migration module without an up function', async () => {
    const database = await fresh(dialect);
    const folder = await mkdtemp(join(tmpdir(), 'quarry-migrations-'));
    try {
      await writeFile(join(folder, '0001-typo.js'), 'export async function upp() {}\n');
      await expect(database.open({ migrationsFolder: folder })).rejects.toThrow(
        /0001-typo.js exports no up\(db\) function/,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('store startup errors', () => {
  it('says the SQLite file cannot be opened and what to check', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'quarry-store-'));
    try {
      // A folder where the file should be.
      const error = await openStore({
        location: { kind: 'sqlite', path: folder },
        logger: createSilentLogger(),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreStartupError);
      expect((error as Error).message).toContain(`Cannot open the SQLite database at ${folder}`);
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says nothing accepts connections when Postgres is unreachable', async () => {
    const startedAt = Date.now();
    const error = await openStore({
      location: {
        kind: 'postgres',
        url: 'postgres://postgres@127.0.0.1:1/quarry',
        display: '127.0.0.1:1/quarry',
      },
      logger: createSilentLogger(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreStartupError);
    expect((error as Error).message).toContain('Cannot reach Postgres at 127.0.0.1:1/quarry');
    expect((error as Error).message).toContain('Start Postgres or fix the host and port in DATABASE_URL');
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it.skipIf(postgresSkipReason !== undefined)('says which database is missing on Postgres', async () => {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = '/quarry_no_such_database';
    const error = await openStore({
      location: { kind: 'postgres', url: url.toString(), display: `${url.host}/quarry_no_such_database` },
      logger: createSilentLogger(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreStartupError);
    expect((error as Error).message).toContain('has no such database');
    expect((error as Error).message).toContain('createdb');
  });
});

describe.skipIf(postgresSkipReason !== undefined)('store when Postgres goes away while running', () => {
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('answers a retryable UPSTREAM_UNAVAILABLE at once, fails ping, and recovers when it returns', async () => {
    const database = await fresh('postgres');
    if (database.location.kind !== 'postgres') throw new Error('unreachable');
    const target = new URL(database.location.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(database.location.url);
    viaProxy.port = String(proxy.port);
    const store = await openStore({
      location: { kind: 'postgres', url: viaProxy.toString(), display: 'proxy' },
      logger: createSilentLogger(),
      connectTimeoutMs: 1_000,
    });
    try {
      await store.db.selectFrom('conversations').select('id').execute();

      proxy.cut();
      const startedAt = Date.now();
      const error = await store.db
        .selectFrom('conversations')
        .select('id')
        .execute()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QuarryError);
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect((error as Error).message).toContain("The gateway's database is unavailable");
      await expect(store.ping(500)).rejects.toThrow();
      expect(Date.now() - startedAt).toBeLessThan(5_000);

      proxy.restore();
      await store.ping(2_000);
      expect(await store.db.selectFrom('conversations').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
