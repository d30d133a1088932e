import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBudgetLedger } from '../src/governance/budget-ledger.js';
import { createStoreBookkeeping } from '../src/governance/store-bookkeeping.js';
import { createStoreBudgetLedger } from '../src/governance/store-budget-ledger.js';
import {
  createLocalKeyCounters,
  type CounterClaim,
  type KeyCounters,
} from '../src/governance/key-counters.js';
import { createMemoryRateLimits, WINDOW_SECONDS } from '../src/governance/rate-limits.js';
import { createRedisKeyCounters } from '../src/governance/redis-key-counters.js';
import { dropPrefix, tryRedis, uniquePrefix } from './support/redis.js';
import { createTestDatabase } from './support/test-databases.js';

const redis = await tryRedis();
const prefix = uniquePrefix();
afterAll(async () => {
  if (redis === undefined) return;
  await dropPrefix(redis, prefix);
  redis.disconnect();
});

let keys = 0;
/** A claim on a key no other test uses. */
function claimOf(change: Partial<CounterClaim>): CounterClaim {
  keys += 1;
  return {
    keyId: `key_${keys}`,
    month: '2026-12',
    requestsPerMinute: null,
    tokensPerMinute: null,
    tokens: 0,
    budgetNanos: null,
    costNanos: 0,
    ...change,
  };
}

const implementations: [string, () => KeyCounters, boolean][] = [
  [
    'in this process',
    () => createLocalKeyCounters(createMemoryRateLimits(), createMemoryBudgetLedger()),
    false,
  ],
  [
    redis === undefined ? 'in Redis [SKIPPED: Redis unreachable]' : 'in Redis',
    () => createRedisKeyCounters(redis as Redis, prefix),
    redis === undefined,
  ],
];

describe.each(implementations)('key counters %s', (_name, create, skipped) => {
  let counters: KeyCounters;
  beforeAll(() => {
    if (!skipped) counters = create();
  });

  it.skipIf(skipped)('admits exactly requestsPerMinute claims, then says how long to wait', async () => {
    const claim = claimOf({ requestsPerMinute: 3 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => counters.claim(claim)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    for (const outcome of outcomes.filter((entry) => !entry.ok)) {
      expect(outcome).toMatchObject({ ok: false, limit: 'requests' });
      const wait = 'retryAfterMs' in outcome ? outcome.retryAfterMs : 0;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS * 1000);
    }
  });

  it.skipIf(skipped)('takes nothing when a later limit refuses', async () => {
    const claim = claimOf({
      requestsPerMinute: 2,
      tokensPerMinute: 1_000,
      tokens: 400,
      budgetNanos: 1_000,
      costNanos: 600,
    });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    // The budget refuses the second: its request and its 400 tokens must not count.
    expect(await counters.claim(claim)).toEqual({ ok: false, limit: 'budget', committedNanos: 600 });
    // So one more request and 400 more tokens still fit once the budget has room.
    await counters.release(claim, 400, 100);
    expect(await counters.claim(claim)).toEqual({ ok: true });
    expect(await counters.spent(claim.keyId, claim.month)).toBe(100);
  });

  it.skipIf(skipped)('lets a small claim through after a big one was refused', async () => {
    const big = claimOf({ tokensPerMinute: 1_000, tokens: 900 });
    expect(await counters.claim(big)).toEqual({ ok: true });
    const bigger = { ...big, tokens: 500 };
    expect(await counters.claim(bigger)).toMatchObject({ ok: false, limit: 'tokens' });
    // 900 taken of 1,000: the refused 500 left nothing behind, so 100 fit.
    expect(await counters.claim({ ...big, tokens: 100 })).toEqual({ ok: true });
    expect(await counters.claim({ ...big, tokens: 1 })).toMatchObject({ ok: false, limit: 'tokens' });
  });

  it.skipIf(skipped)('never lets a refused claim stand in the way of one made beside it', async () => {
    const first = claimOf({ tokensPerMinute: 1_000, tokens: 900 });
    expect(await counters.claim(first)).toEqual({ ok: true });
    // In the same turn: the 500 is refused, and the 100 that fits is not refused for it.
    const [big, small] = await Promise.all([
      counters.claim({ ...first, tokens: 500 }),
      counters.claim({ ...first, tokens: 100 }),
    ]);
    expect(big).toMatchObject({ ok: false, limit: 'tokens' });
    expect(small).toEqual({ ok: true });
  });

  it.skipIf(skipped)('gives unused tokens back and settles the budget to the actual cost', async () => {
    const claim = claimOf({ tokensPerMinute: 1_000, tokens: 800, budgetNanos: 10_000, costNanos: 5_000 });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    await counters.release(claim, 300, 1_200);
    expect(await counters.spent(claim.keyId, claim.month)).toBe(1_200);
    // 300 tokens were used, so 700 fit again, and 8,800 of the budget: both exactly.
    expect(await counters.claim({ ...claim, tokens: 700, costNanos: 8_800 })).toEqual({ ok: true });
    expect(await counters.claim({ ...claim, tokens: 1, costNanos: 0 })).toMatchObject({
      ok: false,
      limit: 'tokens',
    });
    expect(await counters.claim({ ...claim, tokens: 0, costNanos: 1 })).toEqual({
      ok: false,
      limit: 'budget',
      committedNanos: 10_000,
    });
  });
});

describe.skipIf(redis === undefined)('key counters in Redis, as stored', () => {
  it('count in the same windows as rate-limiter-flexible, so an earlier version sharing Redis agrees', async () => {
    const client = redis as Redis;
    const counters = createRedisKeyCounters(client, prefix);
    const claim = claimOf({ requestsPerMinute: 5 });
    // What a gateway of the previous version did for the same key and limit.
    const earlier = new RateLimiterRedis({
      storeClient: client,
      points: 5,
      duration: WINDOW_SECONDS,
      keyPrefix: `${prefix}rpm:5`,
    });
    await earlier.consume(claim.keyId, 3);
    expect(await counters.claim(claim)).toEqual({ ok: true });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    expect(await counters.claim(claim)).toMatchObject({ ok: false, limit: 'requests' });
    expect((await earlier.get(claim.keyId))?.consumedPoints).toBe(5);
  });

  it('settles a budget once when the same release reaches Redis twice', async () => {
    const client = redis as Redis;
    const counters = createRedisKeyCounters(client, prefix);
    const claim = claimOf({ budgetNanos: 10_000, costNanos: 4_000 });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    // Both are sent before either answers, as a retry of a release whose reply was lost would be.
    await Promise.all([counters.release(claim, 0, 1_500), counters.release(claim, 0, 1_500)]);
    const budget = await client.hgetall(`${prefix}budget:${claim.keyId}:${claim.month}`);
    expect(budget).toMatchObject({ spent: '1500', reserved: '0' });
    // No open claim is left behind.
    expect(await client.hlen(`${prefix}claims:${claim.keyId}`)).toBe(0);
  });

  it('gives tokens back only before the window they were taken from ends', async () => {
    const client = redis as Redis;
    let now = Date.now();
    const counters = createRedisKeyCounters(client, prefix, () => now);
    const claim = claimOf({ tokensPerMinute: 1_000, tokens: 500 });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    const counter = `${prefix}tpm:1000:${claim.keyId}`;
    // The call outlived its window (by this process's clock); whatever counter is there now is
    // not the one its tokens came from.
    now += WINDOW_SECONDS * 1000;
    await counters.release(claim, 100, 0);
    expect(await client.get(counter)).toBe('500');
  });

  it('gives tokens back only while their window lasts, never leaving a counter without expiry', async () => {
    const client = redis as Redis;
    const counters = createRedisKeyCounters(client, prefix);
    const claim = claimOf({ tokensPerMinute: 1_000, tokens: 500 });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    const counter = `${prefix}tpm:1000:${claim.keyId}`;
    expect(await client.pttl(counter)).toBeGreaterThan(0);
    // The window ended (the counter expired) before the call finished.
    await client.del(counter);
    await counters.release(claim, 100, 0);
    expect(await client.exists(counter)).toBe(0);
  });
});

describe('key counters in this process', () => {
  it('give unused tokens back only to the window they were taken from', async () => {
    let now = 1_000_000;
    const counters = createLocalKeyCounters(
      createMemoryRateLimits(() => now),
      createMemoryBudgetLedger(),
    );
    const claim = claimOf({ tokensPerMinute: 1_000, tokens: 800 });
    expect(await counters.claim(claim)).toEqual({ ok: true });
    // The call outlived its window; a new window began and took 900.
    now += WINDOW_SECONDS * 1000;
    expect(await counters.claim({ ...claim, tokens: 900 })).toEqual({ ok: true });
    await counters.release(claim, 100, 0);
    // The 700 unused tokens belonged to the old window: the new one has 100 left, not 800.
    expect(await counters.claim({ ...claim, tokens: 101 })).toMatchObject({ ok: false, limit: 'tokens' });
    expect(await counters.claim({ ...claim, tokens: 100 })).toEqual({ ok: true });
  });

  it('give the minute counters back when the budget cannot be checked', async () => {
    const database = await createTestDatabase('sqlite');
    const store = await database.open();
    try {
      const limits = createMemoryRateLimits();
      const budgets = createStoreBudgetLedger(store, createStoreBookkeeping(store, Date.now).settleBudget);
      const unreachable = createLocalKeyCounters(limits, budgets);
      const claim = claimOf({
        requestsPerMinute: 1,
        tokensPerMinute: 100,
        tokens: 100,
        budgetNanos: 10,
        costNanos: 1,
      });
      // A closed store stands for one that cannot be reached (the policy refuses either way).
      await store.close();
      await expect(unreachable.claim(claim)).rejects.toThrow();
      // Nothing was kept: the key's one request and its 100 tokens are still there for a claim
      // whose budget answers.
      const answering = createLocalKeyCounters(limits, createMemoryBudgetLedger());
      expect(await answering.claim(claim)).toEqual({ ok: true });
    } finally {
      await database.drop();
    }
  });
});
