import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyChain, type AuditEvent } from '../src/governance/audit-chain.js';
import { createKeyService } from '../src/governance/key-service.js';
import { readAuditHead } from '../src/governance/store-audit-trail.js';
import { createStoreBookkeeping } from '../src/governance/store-bookkeeping.js';
import { createStoreBudgetLedger } from '../src/governance/store-budget-ledger.js';
import { createStoreKeyStore } from '../src/governance/store-key-store.js';
import type { Store } from '../src/store/store.js';
import { createTestDatabase, describeEachDialect, type TestDatabase } from './support/test-databases.js';

/** One call's usage, for the bookkeeping transaction tests. */
const INCREMENT = {
  keyId: 'k',
  modelId: 'm',
  day: '2026-12-06',
  inputTokens: 1,
  outputTokens: 2,
  costNanos: 3,
};

const EVENT: AuditEvent = {
  keyId: 'key_1',
  keyName: 'one',
  operation: 'invoke',
  modelId: 'amazon.titan-text-lite-v1',
  region: 'us-east-1',
  requestId: 'r',
  upstreamRequestId: 'u',
  inputTokens: 3,
  outputTokens: 4,
  costUsd: 0.0001,
  outcome: 'ok',
  errorCode: null,
  detail: null,
};

/** A gateway's budget ledger: settlements go with its usage and audit rows. */
function ledgerOf(store: Store) {
  return createStoreBudgetLedger(store, createStoreBookkeeping(store, Date.now).settleBudget);
}

describeEachDialect('governance tables', (dialect) => {
  let database: TestDatabase;
  // Two stores on one database stand for two gateway processes sharing it.
  let first: Store;
  let second: Store;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    first = await database.open();
    second = await database.open();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('keeps keys across a restart, revocation included', async () => {
    const options = { adminKey: undefined, allowOpen: false, now: Date.now };
    const keys = createKeyService({ ...options, store: createStoreKeyStore(first) });
    const { record, secret } = await keys.create({
      name: 'persisted',
      models: ['anthropic.*'],
      operations: ['INVOKE'],
    });
    const restarted = createKeyService({ ...options, store: createStoreKeyStore(second) });
    const auth = await restarted.authenticate(`Bearer ${secret}`);
    expect(auth.ok && auth.caller).toMatchObject({
      keyId: record.id,
      models: ['anthropic.*'],
      operations: ['INVOKE'],
    });
    await keys.revoke(record.id);
    expect((await restarted.authenticate(`Bearer ${secret}`)).ok).toBe(false);
    expect((await restarted.list()).map((key) => key.id)).toEqual([record.id]);
  });

  it('adds every call into its key × model × day row', async () => {
    const usage = [first, second].map((store) => createStoreBookkeeping(store, Date.now).usage);
    const increment = {
      keyId: 'k',
      modelId: 'm',
      day: '2026-12-06',
      inputTokens: 10,
      outputTokens: 5,
      costNanos: 3_000_000_000,
    };
    await Promise.all(Array.from({ length: 20 }, (_, index) => pick(usage, index).record(increment)));
    await usage[0]?.record({ ...increment, day: '2026-12-07' });
    expect(await usage[1]?.query({ from: '2026-12-06', to: '2026-12-06', keyId: 'k' })).toEqual([
      {
        keyId: 'k',
        modelId: 'm',
        day: '2026-12-06',
        calls: 20,
        inputTokens: 200,
        outputTokens: 100,
        costNanos: 60_000_000_000,
      },
    ]);
  });

  it(
    'chains 60 concurrent appends from two gateways and detects an edited or deleted row',
    { timeout: 60_000 },
    async () => {
      const trails = [first, second].map((store) => createStoreBookkeeping(store, Date.now).audit);
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          pick(trails, index).append({ ...EVENT, requestId: `r${index}` }),
        ),
      );
      const verdict = await verifyChain(trails[0]?.all() ?? [], await readAuditHead(first.db));
      expect(verdict).toMatchObject({ ok: true, entries: 60 });

      await sql`update audit_log set output_tokens = 999 where seq = 17`.execute(first.db);
      expect(await verifyChain(trails[0]?.all() ?? [], await readAuditHead(first.db))).toMatchObject({
        ok: false,
        seq: 17,
      });
      await sql`update audit_log set output_tokens = 4 where seq = 17`.execute(first.db);

      await sql`delete from audit_log where seq = 60`.execute(first.db);
      const truncated = await verifyChain(trails[0]?.all() ?? [], await readAuditHead(first.db));
      expect(truncated.ok).toBe(false);
      expect(truncated.ok ? '' : truncated.problem).toContain('newest rows were deleted');
    },
  );

  it("writes a turn's usage rows, budget settlement and audit rows in one transaction", async () => {
    let transactions = 0;
    const sqlite = first.sqlite;
    const counted: Pick<Store, 'db' | 'sqlite'> =
      sqlite === undefined
        ? { db: first.db }
        : {
            db: first.db,
            sqlite: {
              transaction: (work) => {
                transactions += 1;
                return sqlite.transaction(work);
              },
              read: (work) => sqlite.read(work),
            },
          };
    const transaction = first.db.transaction.bind(first.db);
    if (sqlite === undefined)
      vi.spyOn(first.db, 'transaction').mockImplementation(() => {
        transactions += 1;
        return transaction();
      });
    const bookkeeping = createStoreBookkeeping(counted, Date.now);
    const { usage, audit } = bookkeeping;
    const budgets = createStoreBudgetLedger(first, bookkeeping.settleBudget);
    expect(await budgets.reserve('k', '2026-12', 500, 1_000)).toEqual({ ok: true });
    transactions = 0;
    const [, , entry] = await Promise.all([
      usage.record(INCREMENT),
      usage.record({ ...INCREMENT, modelId: 'n' }),
      audit.append(EVENT),
      audit.append({ ...EVENT, requestId: 'r2' }),
      budgets.settle('k', '2026-12', 300, 120),
      budgets.settle('k', '2026-12', 200, 0),
    ]);
    expect(transactions).toBe(1);
    expect(await budgets.spent('k', '2026-12')).toBe(120);
    // Both reservations were replaced: the whole budget minus what was spent fits again.
    expect(await budgets.reserve('k', '2026-12', 880, 1_000)).toEqual({ ok: true });
    expect(entry).toMatchObject({ seq: 1, requestId: 'r' });
    expect((await usage.query({ from: null, to: null, keyId: 'k' })).map((row) => row.calls)).toEqual([1, 1]);
    expect(await verifyChain(audit.all(), await readAuditHead(first.db))).toMatchObject({
      ok: true,
      entries: 2,
    });
  });

  it('rolls back a turn whose audit row fails and writes its other rows one at a time', async () => {
    const { usage, audit } = createStoreBookkeeping(first, Date.now);
    const results = await Promise.allSettled([
      usage.record(INCREMENT),
      audit.append({ ...EVENT, operation: null as unknown as string }),
      audit.append({ ...EVENT, requestId: 'kept' }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // Counted once: the failed transaction's upsert was rolled back before the retry wrote it alone.
    expect((await usage.query({ from: null, to: null, keyId: 'k' }))[0]?.calls).toBe(1);
    const page = await audit.page(10, null);
    expect(page.entries.map((row) => [row.seq, row.requestId])).toEqual([[1, 'kept']]);
    expect(await verifyChain(audit.all(), await readAuditHead(first.db))).toMatchObject({
      ok: true,
      entries: 1,
    });
  });

  it('admits every concurrent first reservation of a month that fits, from two gateways', async () => {
    // The month's row does not exist yet: every one of them finds it missing, and all but one
    // find it created by another before they could.
    const ledgers = [ledgerOf(first), ledgerOf(second)];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => pick(ledgers, index).reserve('fresh', '2027-01', 10, 1_000)),
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);
    await ledgers[0]?.settle('fresh', '2027-01', 10, 10);
    expect(await ledgers[1]?.spent('fresh', '2027-01')).toBe(10);
    // The row exists now: a turn's reservations of one key are tried as one UPDATE of their sum.
    const again = await Promise.all(
      Array.from({ length: 40 }, (_, index) => pick(ledgers, index).reserve('fresh', '2027-01', 10, 1_000)),
    );
    expect(again.filter((result) => !result.ok)).toEqual([]);
    // Exactly what was reserved: 10 spent, 39 + 40 reservations of 10.
    expect(await ledgers[0]?.reserve('fresh', '2027-01', 201, 1_000)).toEqual({
      ok: false,
      committedNanos: 800,
    });
  });

  it(
    'reserves budget atomically: 50 concurrent reservations from two gateways admit exactly what fits',
    { timeout: 60_000 },
    async () => {
      const ledgers = [ledgerOf(first), ledgerOf(second)];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) => pick(ledgers, index).reserve('k', '2026-12', 300, 1_000)),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(3);
      await ledgers[0]?.settle('k', '2026-12', 300, 120);
      expect(await ledgers[1]?.spent('k', '2026-12')).toBe(120);
      expect(await ledgers[1]?.reserve('k', '2026-12', 300, 1_000)).toEqual({
        ok: false,
        committedNanos: 720,
      });
    },
  );
});

describe('SQLite bookkeeping transactions', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('waits for a Kysely transaction in progress instead of joining it', async () => {
    const store = await database.open();
    const { usage } = createStoreBookkeeping(store, Date.now);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rolledBack = store.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into usage_daily (key_id, model_id, day, calls, input_tokens, output_tokens, cost_nanos)
          values ('other', 'm', '2026-12-06', 1, 0, 0, 0)`.execute(trx);
        await held;
        throw new Error('rolled back');
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    const recorded = usage.record(INCREMENT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await recorded;
    expect(await rolledBack).toMatchObject({ message: 'rolled back' });
    // The bookkeeping row survived the other transaction's rollback: it was never part of it.
    expect((await usage.query({ from: null, to: null, keyId: null })).map((row) => row.keyId)).toEqual(['k']);
  });
});

describe('pnpm audit:verify', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await database.drop();
  });

  it('exits 0 on an intact log and 1 naming the row once one was edited', async () => {
    const store = await database.open();
    const trail = createStoreBookkeeping(store, Date.now).audit;
    for (let index = 0; index < 5; index++) await trail.append({ ...EVENT, requestId: `r${index}` });
    const path = database.location.kind === 'sqlite' ? database.location.path : '';
    const intact = await runVerify(`file:${path}`);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('intact: 5 entries');
    await sql`update audit_log set cost_usd = 0 where seq = 3`.execute(store.db);
    const broken = await runVerify(`file:${path}`);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at row 3');
  }, 120_000);
});

/** Alternates between the two gateways' instances. */
function pick<T>(pair: readonly T[], index: number): T {
  return pair[index % pair.length] as T;
}

async function runVerify(
  databaseUrl: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@quarry/source', '--import', 'tsx', 'src/audit-verify.ts'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
