import { QuarryError } from '@quarry/core';
import { ReplyError, type Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { ClaimOutcome, CounterClaim, KeyCounters } from './key-counters.js';
import { WINDOW_SECONDS } from './rate-limits.js';

// One script per direction, so a keyed call costs two Redis round trips instead of five (requests,
// tokens, budget, then tokens back and the settlement). Lua runs atomically in Redis: no other
// gateway process's claim can land between the checks and the takes, so all of a claim is taken
// or none of it.
//
// The minute counters keep the layout rate-limiter-flexible gave them (a string counter per key and
// limit, expiring WINDOW_SECONDS after its first take), so processes of an earlier version sharing
// the Redis during a rolling deploy count in the same windows.
//
// A claim with a budget is recorded under its id in the key's hash of open claims, and its release
// applies only if it takes that record away: a release sent again (its reply lost to a timeout,
// then retried from the write-behind queue) settles nothing twice.
//
// KEYS: requests counter, tokens counter, budget hash, open claims hash.
// ARGV: requests limit (0: none), tokens to take, tokens limit (0: none), worst-case cost,
//       budget (-1: none), window seconds, seconds a month's budget hash is kept, claim id.
const CLAIM = `
local window = tonumber(ARGV[6])
local function count(key) return tonumber(redis.call('GET', key) or '0') end
-- A counter without an expiry (it cannot be made by these scripts) would refuse for ever: it
-- gets one, as rate-limiter-flexible's script did.
local function wait(key)
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then redis.call('EXPIRE', key, window) end
  if ttl < 0 then return window * 1000 end
  return ttl
end
local rpm = tonumber(ARGV[1])
if rpm > 0 and count(KEYS[1]) + 1 > rpm then return {1, wait(KEYS[1])} end
local tokens = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
if tpm > 0 and tokens > 0 and count(KEYS[2]) + tokens > tpm then return {2, wait(KEYS[2])} end
local cost = tonumber(ARGV[4])
local budget = tonumber(ARGV[5])
if budget >= 0 then
  local committed = tonumber(redis.call('HGET', KEYS[3], 'spent') or '0') + tonumber(redis.call('HGET', KEYS[3], 'reserved') or '0')
  if committed + cost > budget then return {3, committed} end
end
local function take(key, amount)
  redis.call('SET', key, 0, 'EX', window, 'NX')
  redis.call('INCRBY', key, amount)
  local ttl = redis.call('PTTL', key)
  if ttl == -1 then
    redis.call('EXPIRE', key, window)
    ttl = window * 1000
  end
  return ttl
end
if rpm > 0 then take(KEYS[1], 1) end
local tokensLeftMs = 0
if tpm > 0 and tokens > 0 then tokensLeftMs = take(KEYS[2], tokens) end
if budget >= 0 then
  redis.call('HINCRBY', KEYS[3], 'reserved', cost)
  redis.call('EXPIRE', KEYS[3], ARGV[7])
  redis.call('HSET', KEYS[4], ARGV[8], 1)
  redis.call('EXPIRE', KEYS[4], ARGV[7])
end
return {0, tokensLeftMs}`;

// KEYS: tokens counter, budget hash, open claims hash. ARGV: unused tokens, reserved cost (-1: no
// budget), actual cost, seconds a month's budget hash is kept, claim id (with a budget).
// Unused tokens go back only while their window lasts (the caller sends none once the window it
// took them from has ended: the next window owes nothing), and never to a counter that is gone
// (DECRBY would create it without an expiry).
const RELEASE = `
if tonumber(ARGV[2]) >= 0 and redis.call('HDEL', KEYS[3], ARGV[5]) == 0 then return 0 end
local unused = tonumber(ARGV[1])
if unused > 0 and redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECRBY', KEYS[1], unused) end
if tonumber(ARGV[2]) >= 0 then
  redis.call('HINCRBY', KEYS[2], 'reserved', -tonumber(ARGV[2]))
  redis.call('HINCRBY', KEYS[2], 'spent', ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return 1`;

/** A month's budget outlives the month a little, then Redis drops it. */
const KEEP_SECONDS = 40 * 24 * 3600;

interface CounterCommands {
  quarryClaimCounters(...args: (string | number)[]): Promise<[number, number]>;
  quarryReleaseCounters(...args: (string | number)[]): Promise<number>;
}

/**
 * The key counters in Redis, shared by every gateway process using it. A failure to reach Redis
 * (closed connection, timeout) rejects with a retryable QuarryError, so a release waits in the
 * write-behind queue; an error Redis itself answered (a script error) is passed on as it is.
 */
export function createRedisKeyCounters(
  redis: Redis,
  prefix: string,
  now: () => number = Date.now,
): KeyCounters {
  // defineCommand sends each script once and then only its SHA (EVALSHA), reloading it if Redis
  // forgot it.
  redis.defineCommand('quarryClaimCounters', { numberOfKeys: 4, lua: CLAIM });
  redis.defineCommand('quarryReleaseCounters', { numberOfKeys: 3, lua: RELEASE });
  const commands = redis as unknown as CounterCommands;
  const requestsKey = (claim: CounterClaim) => `${prefix}rpm:${claim.requestsPerMinute ?? 0}:${claim.keyId}`;
  const tokensKey = (claim: CounterClaim) => `${prefix}tpm:${claim.tokensPerMinute ?? 0}:${claim.keyId}`;
  const budgetKey = (keyId: string, month: string) => `${prefix}budget:${keyId}:${month}`;
  const claimsKey = (keyId: string) => `${prefix}claims:${keyId}`;
  // Claim ids: this counters' random part and a sequence, unique across processes.
  const instance = randomBytes(9).toString('base64url');
  let sequence = 0;
  // Each admitted claim's id, and when the window its tokens came from ends (0: none taken).
  const admitted = new WeakMap<CounterClaim, { readonly id: string; readonly tokensWindowEnd: number }>();
  return {
    async claim(claim): Promise<ClaimOutcome> {
      const startedAt = now();
      const id = `${instance}:${(sequence += 1)}`;
      const [refusal, value] = await reachable(
        commands.quarryClaimCounters(
          requestsKey(claim),
          tokensKey(claim),
          budgetKey(claim.keyId, claim.month),
          claimsKey(claim.keyId),
          claim.requestsPerMinute ?? 0,
          claim.tokens,
          claim.tokensPerMinute ?? 0,
          claim.costNanos,
          claim.budgetNanos ?? -1,
          WINDOW_SECONDS,
          KEEP_SECONDS,
          id,
        ),
      );
      if (refusal === 0) {
        // Measured from before the call: the window surely ends no earlier than this.
        admitted.set(claim, { id, tokensWindowEnd: value > 0 ? startedAt + value : 0 });
        return { ok: true };
      }
      if (refusal === 3) return { ok: false, limit: 'budget', committedNanos: value };
      return { ok: false, limit: refusal === 1 ? 'requests' : 'tokens', retryAfterMs: Math.max(1, value) };
    },
    async release(claim, usedTokens, actualNanos) {
      const entry = admitted.get(claim);
      if (entry === undefined) return;
      const unused = now() < entry.tokensWindowEnd ? Math.max(0, claim.tokens - usedTokens) : 0;
      if (unused === 0 && claim.budgetNanos === null) return;
      await reachable(
        commands.quarryReleaseCounters(
          tokensKey(claim),
          budgetKey(claim.keyId, claim.month),
          claimsKey(claim.keyId),
          unused,
          claim.budgetNanos === null ? -1 : claim.costNanos,
          actualNanos,
          KEEP_SECONDS,
          entry.id,
        ),
      );
      admitted.delete(claim);
    },
    async spent(keyId, month) {
      return Number((await reachable(redis.hget(budgetKey(keyId, month), 'spent'))) ?? 0);
    },
  };
}

/** Redis's own answers (ReplyError) pass as they are; not reaching it is worth a retry. */
async function reachable<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    if (error instanceof ReplyError) throw error;
    throw new QuarryError(
      'UPSTREAM_UNAVAILABLE',
      'Redis, where rate limits and budgets are counted, is unreachable; retry shortly.',
      { retryable: true, cause: error },
    );
  }
}
