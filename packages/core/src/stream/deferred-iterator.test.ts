import { describe, expect, it } from 'vitest';
import { deferredIterator } from './deferred-iterator.js';

async function* items(log: string[]): AsyncGenerator<number, void, undefined> {
  try {
    yield await Promise.resolve(1);
    yield 2;
  } finally {
    log.push('inner closed');
  }
}

/** return() and throw() are optional on the iterator type; deferredIterator always has them. */
function returnOf(iterator: AsyncIterator<number, void>): Promise<IteratorResult<number, void>> {
  return iterator.return?.() ?? Promise.reject(new Error('no return()'));
}
function throwOf(
  iterator: AsyncIterator<number, void>,
  value: unknown,
): Promise<IteratorResult<number, void>> {
  return iterator.throw?.(value) ?? Promise.reject(new Error('no throw()'));
}

describe('deferredIterator', () => {
  it('starts on the first next() and passes every item of the started iterator through', async () => {
    const log: string[] = [];
    const iterator = deferredIterator(() => {
      log.push('started');
      return Promise.resolve(items(log));
    });
    expect(log).toEqual([]);
    const seen: number[] = [];
    for await (const item of iterator) seen.push(item);
    expect(seen).toEqual([1, 2]);
    expect(log).toEqual(['started', 'inner closed']);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('closes what a start under way opens when thrown into before it arrives', async () => {
    const log: string[] = [];
    let open: (iterator: AsyncGenerator<number, void, undefined>) => void = () => undefined;
    const iterator = deferredIterator(
      () => new Promise<AsyncIterator<number, void, undefined>>((resolve) => (open = resolve)),
    );
    const first = iterator.next();
    const failure = new Error('cancelled');
    await expect(throwOf(iterator, failure)).rejects.toBe(failure);
    const opened = items(log);
    await opened.next(); // the upstream is open and mid-stream when the start delivers it
    open(opened);
    await expect(first).resolves.toEqual({ done: false, value: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['inner closed']);
  });

  it('closes an inner iterator that cannot take a thrown error, then rethrows it', async () => {
    let closed = false;
    const inner: AsyncIterator<number, void, undefined> = {
      next: () => Promise.resolve({ done: false, value: 1 }),
      return: () => {
        closed = true;
        return Promise.resolve({ done: true, value: undefined });
      },
    };
    const iterator = deferredIterator(() => Promise.resolve(inner));
    await iterator.next();
    const failure = new Error('stop');
    await expect(throwOf(iterator, failure)).rejects.toBe(failure);
    expect(closed).toBe(true);
  });

  it('never starts when returned before its first next()', async () => {
    let started = false;
    const iterator = deferredIterator(() => {
      started = true;
      return Promise.resolve(items([]));
    });
    await expect(returnOf(iterator)).resolves.toEqual({ done: true, value: undefined });
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(started).toBe(false);
  });

  it('rejects the first next() with the start failure, and ends', async () => {
    const failure = new Error('unknown model');
    const iterator = deferredIterator<number>(() => Promise.reject(failure));
    const first = iterator.next();
    const queued = iterator.next();
    await expect(first).rejects.toBe(failure);
    await expect(queued).resolves.toEqual({ done: true, value: undefined });
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('closes the started iterator on return(), as breaking out of a loop does', async () => {
    const log: string[] = [];
    const iterator = deferredIterator(() => Promise.resolve(items(log)));
    for await (const item of iterator) {
      expect(item).toBe(1);
      break;
    }
    expect(log).toEqual(['inner closed']);
  });

  it('rejects a throw() before the start with exactly the value thrown in', async () => {
    const iterator = deferredIterator(() => Promise.resolve(items([])));
    const reason = { not: 'an error' };
    await expect(throwOf(iterator, reason)).rejects.toBe(reason);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });
});
