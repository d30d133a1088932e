import { createSilentLogger } from '@quarry/core';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { DatabaseLocation } from '../../src/store/database-location.js';
import { openStore, type OpenStoreOptions } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * The Postgres the suites use: the CI machine's (user postgres, trust auth, database `test`).
 * Each run creates and drops its own database, so parallel runs never share rows.
 */
export const POSTGRES_ADMIN_URL =
  process.env['QUARRY_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the Postgres half is skipped, or undefined when Postgres answers. */
export const postgresSkipReason = await probePostgres();
if (postgresSkipReason !== undefined) {
  console.warn(
    `\n*** Postgres store suites SKIPPED: ${new URL(POSTGRES_ADMIN_URL).host} is unreachable (${postgresSkipReason}). ` +
      'They run whenever it answers (it does on CI). ***\n',
  );
}

/** A database of its own for one test (file or Postgres database), dropped by drop(). */
export interface TestDatabase {
  readonly location: DatabaseLocation;
  /** Opens (and migrates) a store on it; each call opens a new one, as a restarted gateway would. */
  open(options?: Partial<OpenStoreOptions>): Promise<Store>;
  drop(): Promise<void>;
}

export type DialectName = 'sqlite' | 'postgres';

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const opened: Store[] = [];
  const openOn =
    (location: DatabaseLocation) =>
    async (options: Partial<OpenStoreOptions> = {}) => {
      const store = await openStore({ location, logger: createSilentLogger(), ...options });
      opened.push(store);
      return store;
    };
  const closeAll = async (): Promise<void> => {
    await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
  };
  if (dialect === 'sqlite') {
    const folder = await mkdtemp(join(tmpdir(), 'quarry-store-'));
    const location: DatabaseLocation = { kind: 'sqlite', path: join(folder, 'nested', 'quarry.db') };
    return {
      location,
      open: openOn(location),
      async drop() {
        await closeAll();
        await rm(folder, { recursive: true, force: true });
      },
    };
  }
  const name = `quarry_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const location: DatabaseLocation = {
    kind: 'postgres',
    url: url.toString(),
    display: `${url.hostname}:${url.port || '5432'}/${name}`,
  };
  return {
    location,
    open: openOn(location),
    async drop() {
      await closeAll();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Runs a contract suite once per dialect: SQLite in a temp folder, and Postgres when it answers
 * (otherwise its describe is skipped with the reason in its name, so the run says so).
 */
export function describeEachDialect(name: string, suite: (dialect: DialectName) => void): void {
  describe(`${name} [sqlite]`, () => {
    suite('sqlite');
  });
  const postgresName =
    postgresSkipReason === undefined
      ? `${name} [postgres]`
      : `${name} [postgres SKIPPED: unreachable: ${postgresSkipReason}]`;
  describe.skipIf(postgresSkipReason !== undefined)(postgresName, () => {
    suite('postgres');
  });
}
