import { describe, expect, it, vi } from 'vitest';

/* eslint-disable @typescript-eslint/require-await -- async generators stand in for upstream streams */
import { QuarryError } from '../errors/quarry-error.js';
import { createSilentLogger } from '../logging/logger.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { retryStream } from './retry-stream.js';
import type { RetryDeps } from './with-retry.js';

const deps: RetryDeps = {
  policy: DEFAULT_RETRY_POLICY,
  random: () => 0,
  sleep: () => Promise.resolve(),
  logger: createSilentLogger(),
};
const notReady = () => new QuarryError('MODEL_NOT_READY', 'warming', { retryable: true });
const isContent = (item: string) => item.startsWith('text:');

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const items: string[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('retryStream', () => {
  it('retries a failure before the first content item and emits the start only once', async () => {
    const open = vi.fn(async function* (attempt: number) {
      yield 'start';
      if (attempt === 1) throw notReady();
      yield 'text:a';
      yield 'end';
    });
    await expect(collect(retryStream(open, isContent, deps))).resolves.toEqual(['start', 'text:a', 'end']);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('never retries after content reached the caller', async () => {
    const open = vi.fn(async function* () {
      yield 'start';
      yield 'text:a';
      throw notReady();
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of retryStream(open, isContent, deps)) seen.push(item);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['start', 'text:a']);
    expect(error).toMatchObject({ code: 'MODEL_NOT_READY' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('passes through a stream with no content items', async () => {
    const open = async function* () {
      yield 'start';
      yield 'end';
    };
    await expect(collect(retryStream(open, isContent, deps))).resolves.toEqual(['start', 'end']);
  });

  it('closes the upstream iterator when the caller stops early', async () => {
    let closed = false;
    const open = async function* () {
      try {
        yield 'start';
        yield 'text:a';
        yield 'text:b';
      } finally {
        closed = true;
      }
    };
    for await (const item of retryStream(open, isContent, deps)) {
      if (item === 'text:a') break;
    }
    expect(closed).toBe(true);
  });

  it('gives up after maxAttempts when every attempt fails before content', async () => {
    const open = vi.fn(async function* () {
      yield 'start';
      throw notReady();
    });
    await expect(collect(retryStream(open, isContent, deps))).rejects.toMatchObject({
      code: 'MODEL_NOT_READY',
    });
    expect(open).toHaveBeenCalledTimes(DEFAULT_RETRY_POLICY.maxAttempts);
  });
});

describe('retryStream as an iterator', () => {
  it('rejects, never throws, when opening an attempt throws', async () => {
    const failure = new Error('cannot open');
    const iterator = retryStream<string>(
      () => {
        throw failure;
      },
      isContent,
      deps,
    );
    const next = iterator.next();
    await expect(next).rejects.toBe(failure);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('opens nothing before the first next(), and nothing after return()', async () => {
    const open = vi.fn(async function* () {
      yield 'text:a';
    });
    const iterator = retryStream(open, isContent, deps);
    expect(open).not.toHaveBeenCalled();
    await iterator.return?.();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('retryStream and aborts', () => {
  it('rejects with the abort reason instead of retrying when the caller aborts', async () => {
    const controller = new AbortController();
    const open = vi.fn(async function* () {
      yield 'start';
      controller.abort(new Error('caller left'));
      throw notReady();
    });
    await expect(collect(retryStream(open, isContent, deps, { signal: controller.signal }))).rejects.toThrow(
      'caller left',
    );
    expect(open).toHaveBeenCalledTimes(1);
  });
});
