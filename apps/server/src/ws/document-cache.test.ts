import { describe, expect, it } from 'vitest';
import { createDocumentCache } from './document-cache.js';

describe('createDocumentCache', () => {
  it('does not retain a query over the per-entry limit', () => {
    const cache = createDocumentCache<string>({ maxBytes: 1_000_000, maxEntryBytes: 8_192 });
    const large = `{ models { modelId } }${' '.repeat(10_000)}`;
    cache.set(large, 'document');
    expect(cache.get(large)).toBeUndefined();
    expect(cache.size()).toBe(0);
    expect(cache.bytes()).toBe(0);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const cache = createDocumentCache<string>({ maxBytes: 1_000, maxEntryBytes: 10 });
    cache.set('ééééé', 'fits'); // 10 bytes
    cache.set('éééééé', 'over'); // 12 bytes
    expect(cache.get('ééééé')).toBe('fits');
    expect(cache.get('éééééé')).toBeUndefined();
    expect(cache.bytes()).toBe(10);
  });

  it('evicts the least recently used entries to stay within the total', () => {
    const cache = createDocumentCache<number>({ maxBytes: 30, maxEntryBytes: 10 });
    cache.set('a'.repeat(10), 1);
    cache.set('b'.repeat(10), 2);
    cache.set('c'.repeat(10), 3);
    expect(cache.get('a'.repeat(10))).toBe(1); // now b is the least recently used
    cache.set('d'.repeat(10), 4);
    expect(cache.get('b'.repeat(10))).toBeUndefined();
    expect(['a', 'c', 'd'].map((letter) => cache.get(letter.repeat(10)))).toEqual([1, 3, 4]);
    expect(cache.bytes()).toBe(30);
    expect(cache.size()).toBe(3);
  });

  it('replaces an entry without counting its bytes twice', () => {
    const cache = createDocumentCache<number>({ maxBytes: 30, maxEntryBytes: 10 });
    cache.set('query', 1);
    cache.set('query', 2);
    expect(cache.get('query')).toBe(2);
    expect(cache.bytes()).toBe(5);
  });

  it('stays within its byte budget under many distinct large queries', () => {
    const cache = createDocumentCache<number>({ maxBytes: 100_000, maxEntryBytes: 8_192 });
    for (let index = 0; index < 1_000; index++) cache.set(`${index}`.padEnd(8_000, ' '), index);
    expect(cache.bytes()).toBeLessThanOrEqual(100_000);
    expect(cache.size()).toBe(12);
  });
});
