import type { QuarryClient } from '@quarry/core';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toUsd } from '../src/governance/budget-ledger.js';
import { worstCaseOfChat } from '../src/governance/worst-case.js';
import {
  DEFAULT_LIMITS,
  startGateway,
  subscribeAll,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { ADMIN, bearer, codeOf, createKey, INVOKE, TEXT_MODEL } from './support/governance-helpers.js';
import { dropPrefix, tryRedis, uniquePrefix } from './support/redis.js';
import {
  createTestDatabase,
  describeEachDialect,
  type DialectName,
  type TestDatabase,
} from './support/test-databases.js';

const CONCURRENCY = 50;

interface Outcome {
  readonly ok: boolean;
  readonly code: unknown;
  readonly extensions: Record<string, unknown> | undefined;
}

/** 50 invoke mutations at once, spread over the given gateways, half over HTTP and half over graphql-ws. */
async function fire(gateways: readonly GatewayHarness[], secret: string): Promise<Outcome[]> {
  const sockets = gateways.map((gateway) => gateway.ws(bearer(secret), { lazy: false }));
  const calls = Array.from({ length: CONCURRENCY }, async (_, index): Promise<Outcome> => {
    const gateway = gateways[index % gateways.length] as GatewayHarness;
    if (index % 4 < 2) {
      const { body } = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(secret));
      const error = body.errors?.[0];
      return { ok: error === undefined, code: error?.extensions?.['code'], extensions: error?.extensions };
    }
    const socket = sockets[index % gateways.length];
    if (socket === undefined) throw new Error('no socket');
    const { errors } = await subscribeAll(socket, INVOKE, { model: TEXT_MODEL });
    const error = (errors as { extensions?: Record<string, unknown> }[] | undefined)?.[0];
    return { ok: errors === undefined, code: error?.extensions?.['code'], extensions: error?.extensions };
  });
  return Promise.all(calls);
}

/** The worst case the policy reserves for INVOKE (prompt "hello", maxTokens 20) on TEXT_MODEL. */
function invokeWorstCase(gateway: GatewayHarness): { tokens: number; costUsd: number } {
  const worst = worstCaseOfChat(gateway.catalog, TEXT_MODEL, {
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
    maxTokens: 20,
  });
  return { tokens: worst.tokens, costUsd: toUsd(worst.costNanos) };
}

async function spentOf(gateway: GatewayHarness, secret: string): Promise<number> {
  const { body } = await gateway.gql<{ me: { spentUsd: number } }>(
    `{ me { spentUsd } }`,
    undefined,
    bearer(secret),
  );
  return body.data?.me.spentUsd ?? Number.NaN;
}

/** In memory without a dialect; otherwise with the gateway's store (budgets in its database). */
function limitsAndBudgetsInOneGateway(dialect?: DialectName): void {
  let gateway: GatewayHarness;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = dialect === undefined ? undefined : await createTestDatabase(dialect);
    gateway = await startGateway({
      ...(database !== undefined && { store: await database.open() }),
      server: { adminKey: ADMIN, allowOpen: false },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await database?.drop();
  });

  it('admits exactly requestsPerMinute of 50 concurrent calls over HTTP and graphql-ws', async () => {
    const key = await createKey(gateway, { name: 'rpm', requestsPerMinute: 7 });
    const outcomes = await fire([gateway], key.secret);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(7);
    const limited = outcomes.filter((outcome) => !outcome.ok);
    expect(limited.every((outcome) => outcome.code === 'RATE_LIMITED')).toBe(true);
    expect(limited.every((outcome) => Number(outcome.extensions?.['retryAfterMs']) > 0)).toBe(true);
  });

  it('never lets 50 concurrent calls spend past the monthly budget', async () => {
    const worst = invokeWorstCase(gateway);
    expect(worst.costUsd).toBeGreaterThan(0);
    const budget = worst.costUsd * 3.5;
    const key = await createKey(gateway, { name: 'budget', monthlyBudgetUsd: budget });
    const outcomes = await fire([gateway], key.secret);
    const admitted = outcomes.filter((outcome) => outcome.ok).length;
    // Three worst cases fit at once; settled calls cost less than their worst case, which frees
    // room for a few more, but never past the budget.
    expect(admitted).toBeGreaterThanOrEqual(3);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      expect(outcome.code).toBe('BUDGET_EXCEEDED');
      expect(outcome.extensions?.['budgetUsd']).toBe(budget);
      expect(Number(outcome.extensions?.['spentUsd'])).toBeLessThanOrEqual(budget);
    }
    const spent = await spentOf(gateway, key.secret);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(budget);
  });

  it('takes each call’s worst-case tokens from tokensPerMinute up front', async () => {
    const worst = invokeWorstCase(gateway);
    const key = await createKey(gateway, { name: 'tpm', tokensPerMinute: worst.tokens * 4 });
    const outcomes = await fire([gateway], key.secret);
    const admitted = outcomes.filter((outcome) => outcome.ok).length;
    expect(admitted).toBeGreaterThanOrEqual(4);
    expect(
      outcomes.filter((outcome) => !outcome.ok).every((outcome) => outcome.code === 'RATE_LIMITED'),
    ).toBe(true);
    // Unused tokens go back after each call, so more than four fit — but far from all 50.
    expect(admitted).toBeLessThan(CONCURRENCY);
  });
}

describe('limits and budgets in one gateway [memory]', () => {
  limitsAndBudgetsInOneGateway();
});
describeEachDialect('limits and budgets in one gateway', limitsAndBudgetsInOneGateway);

describe('operation work limit', () => {
  let gateway: GatewayHarness;
  const calls: string[] = [];
  beforeAll(async () => {
    gateway = await startGateway({
      server: {
        adminKey: ADMIN,
        allowOpen: false,
        limits: { ...DEFAULT_LIMITS, operationTexts: 100, operationInvocations: 3 },
      },
      wrapClient: (client: QuarryClient): QuarryClient => ({
        ...client,
        embed: (...args: Parameters<QuarryClient['embed']>) => {
          calls.push('embed');
          return client.embed(...args);
        },
        invoke: (...args: Parameters<QuarryClient['invoke']>) => {
          calls.push('invoke');
          return client.invoke(...args);
        },
      }),
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  const texts = Array.from({ length: 40 }, (_, index) => `text ${index}`);
  const ALIASED_EMBED = `mutation ($texts: [String!]!) {
    a: embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: $texts }) { usage { inputTokens } }
    b: embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: $texts }) { usage { inputTokens } }
    ...More
  }
  fragment More on Mutation { c: embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: $texts }) { usage { inputTokens } } }`;

  it('refuses aliased embeds over the text limit before any upstream call, on HTTP', async () => {
    calls.length = 0;
    const { body } = await gateway.gql(ALIASED_EMBED, { texts }, bearer(ADMIN));
    expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('120 embedding texts');
    expect(calls).toEqual([]);
  });

  it('refuses the same operation over graphql-ws before any upstream call', async () => {
    calls.length = 0;
    const { errors } = await subscribeAll(gateway.ws(bearer(ADMIN)), ALIASED_EMBED, { texts });
    expect(codeOf(errors)).toBe('BAD_USER_INPUT');
    expect(calls).toEqual([]);
  });

  it('counts invocations across aliases', async () => {
    calls.length = 0;
    const invokes = (count: number): string =>
      `mutation { ${Array.from({ length: count }, (_, n) => `i${n}: invoke(input: { modelId: "${TEXT_MODEL}", prompt: "hi", maxTokens: 5 }) { text }`).join(' ')} }`;
    const { body } = await gateway.gql(invokes(4), undefined, bearer(ADMIN));
    expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('4 model invocations');
    expect(calls).toEqual([]);
    const three = await gateway.gql(invokes(3), undefined, bearer(ADMIN));
    expect(three.body.errors).toBeUndefined();
    expect(calls).toEqual(['invoke', 'invoke', 'invoke']);
  });

  it('counts __typename aliases against the alias limit', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `t${index}: __typename`).join(' ');
    const { body } = await gateway.gql(`{ ${aliases} }`, undefined, bearer(ADMIN));
    expect(body.errors?.[0]?.message).toContain('Aliases limit');
  });
});

describe('limits shared by two gateways through Redis', () => {
  let redis: Redis | undefined;
  const prefix = uniquePrefix();
  const gateways: GatewayHarness[] = [];
  const connections: Redis[] = [];
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    redis = await tryRedis();
    if (redis === undefined) return;
    // Keys come from one shared database; rate and budget counters live only in Redis, each
    // gateway with its own store and Redis connection, as two processes would have.
    database = await createTestDatabase('sqlite');
    for (let index = 0; index < 2; index++) {
      const connection = redis.duplicate();
      connections.push(connection);
      gateways.push(
        await startGateway({
          store: await database.open(),
          server: { adminKey: ADMIN, allowOpen: false, redis: connection, redisPrefix: prefix },
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    if (redis !== undefined) await dropPrefix(redis, prefix);
    for (const connection of connections) connection.disconnect();
    redis?.disconnect();
    await database?.drop();
  });

  it('admits requestsPerMinute calls in total across both', async (context) => {
    if (redis === undefined) return context.skip();
    const first = gateways[0] as GatewayHarness;
    const key = await createKey(first, { name: 'shared-rpm', requestsPerMinute: 9 });
    const outcomes = await fire(gateways, key.secret);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(9);
    expect(
      outcomes.filter((outcome) => !outcome.ok).every((outcome) => outcome.code === 'RATE_LIMITED'),
    ).toBe(true);
  });

  it('holds one monthly budget across both', async (context) => {
    if (redis === undefined) return context.skip();
    const first = gateways[0] as GatewayHarness;
    const budget = invokeWorstCase(first).costUsd * 3.5;
    const key = await createKey(first, { name: 'shared-budget', monthlyBudgetUsd: budget });
    const outcomes = await fire(gateways, key.secret);
    expect(outcomes.filter((outcome) => outcome.ok).length).toBeGreaterThanOrEqual(3);
    expect(outcomes.some((outcome) => outcome.code === 'BUDGET_EXCEEDED')).toBe(true);
    for (const gateway of gateways) expect(await spentOf(gateway, key.secret)).toBeLessThanOrEqual(budget);
    expect(await spentOf(gateways[1] as GatewayHarness, key.secret)).toBe(await spentOf(first, key.secret));
  });
});
