import type { Logger, QuarryClient } from '@quarry/core';
import type { Redis } from 'ioredis';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { Store } from '../store/store.js';
import { createMemoryKeyStore, type KeyStore } from './api-key-record.js';
import { createMemoryAuditTrail, type AuditTrail } from './audit-trail.js';
import { createMemoryBudgetLedger, type BudgetLedger } from './budget-ledger.js';
import { createGovernedClientFactory, type GovernedClientFactory } from './governed-client.js';
import { createKeyService, type KeyService } from './key-service.js';
import type { WorkLimits } from './operation-work.js';
import { createPolicy, type Policy } from './policy.js';
import { createMemoryRateLimits } from './rate-limits.js';
import { createLocalKeyCounters } from './key-counters.js';
import { createRedisKeyCounters } from './redis-key-counters.js';
import { createStoreBookkeeping } from './store-bookkeeping.js';
import { createStoreBudgetLedger } from './store-budget-ledger.js';
import { createStoreKeyStore } from './store-key-store.js';
import { createMemoryUsageLedger, type UsageLedger } from './usage-ledger.js';
import { createWriteBehind, type WriteBehind } from './write-behind.js';

/** Keys, limits, budgets, usage and audit: what the policy layer needs, built once per server. */
export interface Governance {
  readonly keys: KeyService;
  readonly policy: Policy;
  readonly usage: UsageLedger;
  readonly audit: AuditTrail;
  readonly clients: GovernedClientFactory;
  readonly workLimits: WorkLimits;
  /** Bookkeeping writes waiting for an unreachable store; shutdown flushes them. */
  readonly writes: WriteBehind;
}

export interface GovernanceOptions {
  readonly client: QuarryClient;
  readonly adminKey: string | undefined;
  /** Only an emulator-backed gateway may run open (no admin key, no keys yet). */
  readonly allowOpen: boolean;
  readonly redis: Redis | undefined;
  /** Prefix of every Redis key this gateway writes. */
  readonly redisPrefix: string;
  readonly workLimits: WorkLimits;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
  readonly now: () => number;
  /** The gateway's database: keys, usage, audit and budgets live there. In memory without one. */
  readonly store?: Store | undefined;
  /** Overrides single stores (tests share one key store between two gateways). */
  readonly stores?:
    | {
        readonly keys?: KeyStore | undefined;
        readonly usage?: UsageLedger | undefined;
        readonly audit?: AuditTrail | undefined;
        readonly budgets?: BudgetLedger | undefined;
      }
    | undefined;
}

export function createGovernance(options: GovernanceOptions): Governance {
  const { store } = options;
  const keys = createKeyService({
    store:
      options.stores?.keys ?? (store === undefined ? createMemoryKeyStore() : createStoreKeyStore(store)),
    adminKey: options.adminKey,
    allowOpen: options.allowOpen,
    now: options.now,
  });
  // Usage and audit rows and budget settlements share one group commit: a turn's rows land in one
  // transaction.
  const bookkeeping = store === undefined ? undefined : createStoreBookkeeping(store, options.now);
  const usage = options.stores?.usage ?? bookkeeping?.usage ?? createMemoryUsageLedger();
  const audit = options.stores?.audit ?? bookkeeping?.audit ?? createMemoryAuditTrail(options.now);
  // Redis, when configured, is what several gateway processes share; otherwise this process's
  // rate limits and the store's budget ledger (exact across processes sharing the database), or
  // memory.
  const counters =
    options.redis !== undefined
      ? createRedisKeyCounters(options.redis, options.redisPrefix)
      : createLocalKeyCounters(
          createMemoryRateLimits(),
          options.stores?.budgets ??
            (store === undefined || bookkeeping === undefined
              ? createMemoryBudgetLedger()
              : createStoreBudgetLedger(store, bookkeeping.settleBudget)),
        );
  const writes = createWriteBehind({ logger: options.logger });
  const policy = createPolicy({
    catalog: options.client.catalog,
    region: options.client.region,
    counters,
    usage,
    audit,
    metrics: options.metrics,
    now: options.now,
    writes,
  });
  return {
    writes,
    keys,
    policy,
    usage,
    audit,
    clients: createGovernedClientFactory(options.client, policy),
    workLimits: options.workLimits,
  };
}
