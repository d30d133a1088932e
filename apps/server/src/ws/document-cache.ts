import { LRUCache } from 'lru-cache';

/** A least-recently-used cache of prepared documents by query text, bounded by the text's size. */
export interface DocumentCache<T> {
  /** The cached value for `query`, marked as just used; undefined on a miss. */
  get(query: string): T | undefined;
  /** Caches `value` unless `query` is over the per-entry limit; evicts the least recently used to fit. */
  set(query: string, value: T): void;
  /** UTF-8 bytes of the query texts held (what the byte limit counts). */
  bytes(): number;
  /** Entries held. */
  size(): number;
}

/**
 * Parsed documents held by each transport, by their query text. Real apps repeat a few small
 * operations, so 1 MiB of text holds them all; anything over 8 KiB is rare enough to prepare each
 * time. Bounded by bytes, not entries: a count alone would let 1,000 maximum-size messages pin a
 * gigabyte, and a parsed document grows with its text.
 */
export const DOCUMENT_CACHE_LIMITS = { maxBytes: 1_048_576, maxEntryBytes: 8_192 } as const;

export interface DocumentCacheOptions {
  /** Total UTF-8 bytes of query text held at once. */
  readonly maxBytes: number;
  /** Queries longer than this are prepared every time instead of cached. */
  readonly maxEntryBytes: number;
}

/**
 * Repeated operations (one app sends the same few subscriptions) skip parse and validate; the
 * size bounds keep a client sending many large one-off queries (each up to the 1 MB message cap)
 * from growing memory. A document's AST grows with its text, so bytes of text bound both.
 */
export function createDocumentCache<T>(options: DocumentCacheOptions): DocumentCache<T> {
  // Boxed: LRUCache holds only non-nullish values, and T may be anything.
  const entries = new LRUCache<string, { readonly value: T }>({
    maxSize: options.maxBytes,
    maxEntrySize: options.maxEntryBytes,
    sizeCalculation: (_value, query) => Math.max(1, Buffer.byteLength(query, 'utf8')),
  });
  return {
    get: (query) => entries.get(query)?.value,
    set(query, value) {
      entries.set(query, { value });
    },
    bytes: () => entries.calculatedSize,
    size: () => entries.size,
  };
}
