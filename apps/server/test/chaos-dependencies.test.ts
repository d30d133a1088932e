import { createSilentLogger } from '@quarry/core';
import type { Redis } from 'ioredis';
import { once } from 'node:events';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient } from '../src/governance/redis-client.js';
import { openStore } from '../src/store/open-store.js';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';
import {
  ADMIN,
  bearer,
  codeOf,
  createKey,
  INVOKE,
  TEXT_MODEL,
  type CreatedKey,
} from './support/governance-helpers.js';
import { tryRedis, uniquePrefix } from './support/redis.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './support/test-databases.js';

// What each feature does while Postgres or Redis is unreachable (README "Reliability"): keys,
// limits and budgets fail closed with a retryable UPSTREAM_UNAVAILABLE, reads fail fast with the
// same code, nothing hangs, and the usage and audit rows of calls served meanwhile land once the
// database is back.
const probe = await tryRedis();
probe?.disconnect();
const skip = postgresSkipReason !== undefined || probe === undefined;

/** Resolves once `check` passes (the test's timeout bounds the wait). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.skipIf(skip)('chaos: Postgres and Redis unreachable and back, through TCP proxies', () => {
  let database: TestDatabase;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let redis: Redis;
  let gateway: GatewayHarness;
  let key: CreatedKey;
  let conversationId: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    if (database.location.kind !== 'postgres') throw new Error('a Postgres database was asked for');
    const target = new URL(database.location.url);
    pgProxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    redisProxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    const viaProxy = new URL(database.location.url);
    viaProxy.port = String(pgProxy.port);
    const store = await openStore({
      location: { kind: 'postgres', url: viaProxy.toString(), display: 'postgres via proxy' },
      logger: createSilentLogger(),
      connectTimeoutMs: 1_000,
    });
    redis = createRedisClient(`redis://127.0.0.1:${redisProxy.port}`, createSilentLogger());
    await redis.connect();
    gateway = await startGateway({ store, server: { adminKey: ADMIN, redis, redisPrefix: uniquePrefix() } });
    key = await createKey(gateway, { name: 'chaos', requestsPerMinute: 10_000, monthlyBudgetUsd: 5 });
    const created = await gateway.gql<{ createConversation: { id: string } }>(
      `mutation { createConversation(input: { modelId: "${TEXT_MODEL}" }) { id } }`,
      {},
      bearer(key.secret),
    );
    conversationId = created.body.data!.createConversation.id;
  });
  afterAll(async () => {
    await gateway.close();
    await gateway.store.close();
    redis.disconnect();
    await pgProxy.close();
    await redisProxy.close();
    await database.drop();
  });

  const usageCalls = async (keyId: string): Promise<number> => {
    const { body } = await gateway.gql<{ usage: { keyId: string; calls: number }[] }>(
      `{ usage(from: "2000-01-01", to: "2100-01-01") { keyId calls } }`,
      {},
      bearer(ADMIN),
    );
    if (body.data == null) return -1;
    return body.data.usage.filter((row) => row.keyId === keyId).reduce((sum, row) => sum + row.calls, 0);
  };
  const ready = async (): Promise<number> => (await fetch(gateway.url.replace('/graphql', '/ready'))).status;
  const invokes = () => gateway.emulator.stats.snapshot().byOperation['InvokeModel'] ?? 0;

  it('Postgres: keys and reads fail fast and retryable, admin calls are served and their rows land once it is back', async () => {
    const adminCallsBefore = await usageCalls('admin');
    expect(adminCallsBefore).toBeGreaterThanOrEqual(0);
    pgProxy.cut();

    // A key cannot be checked: refused before anything reaches Bedrock, with a code to retry on.
    const sentBefore = invokes();
    const refused = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(refused.status).toBe(503);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
    expect(invokes()).toBe(sentBefore);

    // The bootstrap admin needs no database to be known: served, its bookkeeping waits.
    const served = await gateway.gql<{ invoke: { text: string } }>(
      INVOKE,
      { model: TEXT_MODEL },
      bearer(ADMIN),
    );
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data?.invoke.text.length).toBeGreaterThan(0);

    // Reads fail fast with a retryable code.
    for (const query of [
      `{ usage(from: "2000-01-01", to: "2100-01-01") { calls } }`,
      `{ conversation(id: "${conversationId}") { id } }`,
      `{ auditLog(first: 1) { entries { id } } }`,
    ]) {
      const { body } = await gateway.gql(query, {}, bearer(ADMIN));
      expect(body.errors?.[0]?.extensions, query).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
    }
    // A graphql-ws socket whose key cannot be checked is told to try again later.
    const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key.secret}` } }),
    );
    const [closeCode] = (await once(socket, 'close')) as [number];
    expect(closeCode).toBe(1013);
    expect(await ready()).toBe(503);

    pgProxy.restore();
    await until(async () => (await ready()) === 200);
    // The admin call served during the outage is counted once the database is back.
    await until(async () => (await usageCalls('admin')) === adminCallsBefore + 1);
    const again = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(again.body.errors).toBeUndefined();
    // Written before the outage, still there.
    const { body } = await gateway.gql<{ conversation: { id: string } }>(
      `{ conversation(id: "${conversationId}") { id } }`,
      {},
      bearer(key.secret),
    );
    expect(body.data?.conversation.id).toBe(conversationId);
    const audit = await gateway.gql<{ auditLog: { entries: { requestId: string | null }[] } }>(
      `{ auditLog(first: 200) { entries { requestId operation keyId } } }`,
      {},
      bearer(ADMIN),
    );
    expect(audit.body.errors).toBeUndefined();
  });

  it('Redis: limits and budgets fail closed, unlimited callers are served, and keys work again once it is back', async () => {
    const keyCallsBefore = await usageCalls(key.id);
    redisProxy.cut();
    const sentBefore = invokes();
    const refused = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(codeOf(refused.body.errors)).toBe('UPSTREAM_UNAVAILABLE');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ retryable: true });
    expect(refused.body.errors?.[0]?.message).toContain('rate limits and budget cannot be checked');
    expect(invokes()).toBe(sentBefore);
    // Reads that need no counters still answer.
    const models = await gateway.gql(`{ models { modelId } }`, {}, bearer(key.secret));
    expect(models.body.errors).toBeUndefined();
    const admin = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(ADMIN));
    expect(admin.body.errors).toBeUndefined();

    redisProxy.restore();
    await until(async () => {
      const { body } = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
      return body.errors === undefined;
    });
    // Refused calls cost nothing and are not counted; the served one is.
    expect(await usageCalls(key.id)).toBe(keyCallsBefore + 1);
  });
});
