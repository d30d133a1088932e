import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const REDIS_URL = process.env['QUARRY_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A connected client, or undefined when no Redis answers (the Redis suites then skip, saying so). */
export async function tryRedis(): Promise<Redis | undefined> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    console.warn(`Redis not reachable at ${REDIS_URL}: the shared-counter tests are skipped.`);
    return undefined;
  }
}

/** A key prefix no other test run uses. */
export function uniquePrefix(): string {
  return `quarry-test:${randomUUID()}:`;
}

/** Deletes every key under `prefix`. */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
