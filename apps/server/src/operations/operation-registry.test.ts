import { describe, expect, it } from 'vitest';
import { createOperationRegistry } from './operation-registry.js';

describe('operation registry', () => {
  it('keeps aborted operations until they finish, and finished() waits for them', async () => {
    const registry = createOperationRegistry();
    const first = registry.start('key-a', 'Bearer a');
    const second = registry.start('key-b', 'Bearer b');
    registry.abortAll(new Error('stopping'));
    expect(first.signal.aborted && second.signal.aborted).toBe(true);
    expect(registry.size()).toBe(2);
    let resolved = false;
    const finished = registry.finished(10_000).then(() => (resolved = true));
    registry.finish(first);
    await Promise.resolve();
    expect(resolved).toBe(false);
    registry.finish(second);
    await finished;
    expect(registry.size()).toBe(0);
  });

  it('aborts only the revoked key, and finished() gives up after its timeout', async () => {
    const registry = createOperationRegistry();
    const revoked = registry.start('key-a', 'Bearer a');
    const other = registry.start('key-b', 'Bearer b');
    registry.abortKey('key-a', new Error('revoked'));
    expect([revoked.signal.aborted, other.signal.aborted]).toEqual([true, false]);
    const started = performance.now();
    await registry.finished(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(registry.size()).toBe(2);
  });

  it('finished() resolves at once when nothing is in flight', async () => {
    await expect(createOperationRegistry().finished(10_000)).resolves.toBeUndefined();
  });

  it('lists the credentials in flight and aborts by credential', () => {
    const registry = createOperationRegistry();
    const old = registry.start('key-a', 'Bearer old');
    const rotated = registry.start('key-a', 'Bearer new');
    const again = registry.start('key-a', 'Bearer old');
    expect(registry.credentials()).toEqual(
      new Map([
        ['Bearer old', 'key-a'],
        ['Bearer new', 'key-a'],
      ]),
    );
    registry.abortCredential('Bearer old', new Error('rotated'));
    expect([old.signal.aborted, rotated.signal.aborted, again.signal.aborted]).toEqual([true, false, true]);
  });
});
