import { QuarryError } from '@quarry/core';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

describe('groupCommit', () => {
  it('writes what arrives in one turn together, and what arrives meanwhile in the next batch, in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const submit = groupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => item * 10);
    });
    const first = [1, 2, 3].map(submit);
    await new Promise((resolve) => setImmediate(resolve));
    // The first batch is being written: these wait for it, then go together.
    const second = [4, 5].map(submit);
    release();
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('splits at maxBatch', async () => {
    const sizes: number[] = [];
    const submit = groupCommit(
      (items: readonly number[]) => {
        sizes.push(items.length);
        return Promise.resolve(items);
      },
      { maxBatch: 4 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, index) => submit(index)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('fails only the bad item of a batch when the failure is not the store being away', async () => {
    const submit = groupCommit((items: readonly string[]) =>
      items.includes('bad') ? Promise.reject(new Error('constraint')) : Promise.resolve(items),
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map(submit));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects the whole batch at once when the store is unreachable, so write-behind keeps every row', async () => {
    const calls: number[] = [];
    const submit = groupCommit((items: readonly string[]) => {
      calls.push(items.length);
      return Promise.reject(new QuarryError('UPSTREAM_UNAVAILABLE', 'database away', { retryable: true }));
    });
    const results = await Promise.allSettled(['a', 'b', 'c'].map(submit));
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(calls).toEqual([3]);
  });
});
