import { describe, expect, it } from 'vitest';

import { createJobWatcher } from './job-watcher.js';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function fakeJob() {
  let status = 'Submitted';
  let fetches = 0;
  const watcher = createJobWatcher<{ status: string }>({
    fetch: () => {
      fetches++;
      return Promise.resolve({ status });
    },
    fingerprint: (job) => job.status,
    isTerminal: (job) => job.status === 'Completed',
    minIntervalMs: 5,
    maxIntervalMs: 20,
    logger: silent,
  });
  return {
    watcher,
    set: (next: string) => {
      status = next;
    },
    fetches: () => fetches,
  };
}

async function take<T>(iterator: AsyncIterator<T>): Promise<T | undefined> {
  const next = await iterator.next();
  return next.done === true ? undefined : next.value;
}

describe('createJobWatcher', () => {
  it('polls once per job for many subscribers and ends them all at the terminal state', async () => {
    const job = fakeJob();
    const subscribers = Array.from({ length: 5 }, () =>
      job.watcher.watch('job-1', new AbortController().signal)[Symbol.asyncIterator](),
    );
    for (const subscriber of subscribers) expect(await take(subscriber)).toEqual({ status: 'Submitted' });
    expect(job.watcher.activePollers()).toBe(1);
    const before = job.fetches();
    await new Promise((resolve) => setTimeout(resolve, 60));
    // One poller backing off from 5 ms to 20 ms makes a handful of calls, not five subscribers' worth.
    expect(job.fetches() - before).toBeLessThan(8);
    job.set('Completed');
    for (const subscriber of subscribers) {
      expect(await take(subscriber)).toEqual({ status: 'Completed' });
      expect(await take(subscriber)).toBeUndefined();
    }
    expect(job.watcher.activePollers()).toBe(0);
  });

  it('stops polling when the last subscriber leaves', async () => {
    const job = fakeJob();
    const first = job.watcher.watch('job-2', new AbortController().signal)[Symbol.asyncIterator]();
    const controller = new AbortController();
    const second = job.watcher.watch('job-2', controller.signal)[Symbol.asyncIterator]();
    await take(first);
    expect(await take(second)).toEqual({ status: 'Submitted' });
    await first.return?.();
    expect(job.watcher.activePollers()).toBe(1);
    controller.abort(new Error('client left'));
    await expect(second.next()).rejects.toThrow('client left');
    expect(job.watcher.activePollers()).toBe(0);
    const fetches = job.fetches();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(job.fetches()).toBe(fetches);
  });
});
