import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { GatewayError } from '../errors/gateway-error.js';

/** Per-key requests/min and tokens/min, in memory or shared through Redis across gateway processes. */
export interface RateLimits {
  /** Takes one request from the key's minute; throws RATE_LIMITED with retryAfterMs when none is left. */
  takeRequest(keyId: string, perMinute: number): Promise<void>;
  /**
   * Takes `tokens` (the call's worst case) from the key's minute up front, so concurrent calls
   * cannot all pass a check and then overrun; `returnTokens` gives back what the call did not use.
   */
  takeTokens(keyId: string, perMinute: number, tokens: number): Promise<void>;
  returnTokens(keyId: string, perMinute: number, tokens: number): Promise<void>;
}

export interface RateLimitsOptions {
  /** Shared counters when set; in-process otherwise. */
  readonly redis: Redis | undefined;
  /** Namespaces Redis keys (tests use a unique one per run). */
  readonly prefix: string;
}

const WINDOW_SECONDS = 60;

export function createRateLimits(options: RateLimitsOptions): RateLimits {
  // rate-limiter-flexible fixes `points` per limiter, and keys have their own limits: one limiter per
  // (kind, limit). The limit is part of the Redis key prefix, so changing a key's limit starts a
  // fresh window instead of misreading the old one.
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (kind: 'rpm' | 'tpm', points: number): RateLimiterAbstract => {
    const name = `${kind}:${points}`;
    let limiter = limiters.get(name);
    if (limiter === undefined) {
      const shape = { points, duration: WINDOW_SECONDS, keyPrefix: `${options.prefix}${name}` };
      limiter =
        options.redis === undefined
          ? new RateLimiterMemory(shape)
          : new RateLimiterRedis({ ...shape, storeClient: options.redis });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  const consume = async (
    kind: 'rpm' | 'tpm',
    keyId: string,
    points: number,
    amount: number,
  ): Promise<void> => {
    try {
      await limiterFor(kind, points).consume(keyId, amount);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const what = kind === 'rpm' ? `${points} requests per minute` : `${points} tokens per minute`;
      throw new GatewayError(
        'RATE_LIMITED',
        `This API key is limited to ${what}; retry after the window moves on.`,
        {
          retryAfterMs: Math.max(1, Math.ceil(rejection.msBeforeNext)),
        },
      );
    }
  };
  return {
    takeRequest: (keyId, perMinute) => consume('rpm', keyId, perMinute, 1),
    takeTokens: (keyId, perMinute, tokens) => consume('tpm', keyId, perMinute, tokens),
    async returnTokens(keyId, perMinute, tokens) {
      if (tokens > 0) await limiterFor('tpm', perMinute).reward(keyId, tokens);
    },
  };
}
