import { createSilentLogger, QuarryError } from '@quarry/core';
import { describe, expect, it } from 'vitest';
import { createWriteBehind } from './write-behind.js';

const unavailable = () =>
  new QuarryError('UPSTREAM_UNAVAILABLE', 'database unavailable', { retryable: true });

describe('createWriteBehind', () => {
  it('keeps writes its store refuses and lands them in order once it answers', async () => {
    const writes = createWriteBehind({ logger: createSilentLogger(), baseDelayMs: 1, maxDelayMs: 2 });
    let up = false;
    const landed: number[] = [];
    const write = (n: number) => () => {
      if (!up) return Promise.reject(unavailable());
      landed.push(n);
      return Promise.resolve();
    };
    await writes.write('usage', write(1));
    await writes.write('audit', write(2));
    expect(writes.pending()).toBe(2);
    up = true;
    // A new write never overtakes the waiting ones.
    await writes.write('usage', write(3));
    await writes.flush(60_000);
    expect(landed).toEqual([1, 2, 3]);
    expect(writes.pending()).toBe(0);
  });

  it('flush waits for writes already on their way, and retries one that fails meanwhile', async () => {
    const writes = createWriteBehind({ logger: createSilentLogger(), baseDelayMs: 1, maxDelayMs: 2 });
    const landed: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let failOnce = true;
    void writes.write('audit', async () => {
      await slow;
      landed.push('slow');
    });
    void writes.write('usage', async () => {
      await slow;
      if (failOnce) {
        failOnce = false;
        throw unavailable();
      }
      landed.push('retried');
    });
    const flushed = writes.flush(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(landed).toEqual([]);
    release();
    await flushed;
    expect(landed).toEqual(['slow', 'retried']);
    expect(writes.pending()).toBe(0);
  });

  it('does not keep a write that failed for another reason, and never throws', async () => {
    const writes = createWriteBehind({ logger: createSilentLogger() });
    await expect(writes.write('audit', () => Promise.reject(new Error('a bug')))).resolves.toBeUndefined();
    expect(writes.pending()).toBe(0);
  });

  it('drops what is past maxPending instead of growing without bound', async () => {
    const writes = createWriteBehind({ logger: createSilentLogger(), maxPending: 2, baseDelayMs: 60_000 });
    for (let n = 0; n < 5; n++) await writes.write('usage', () => Promise.reject(unavailable()));
    expect(writes.pending()).toBe(2);
  });
});
