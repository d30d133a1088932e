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
  // A Map iterates in insertion order, so re-inserting on use makes its first key the LRU one.
  const entries = new Map<string, { readonly value: T; readonly bytes: number }>();
  let total = 0;
  return {
    get(query) {
      const entry = entries.get(query);
      if (entry === undefined) return undefined;
      entries.delete(query);
      entries.set(query, entry);
      return entry.value;
    },
    set(query, value) {
      const bytes = Buffer.byteLength(query, 'utf8');
      if (bytes > options.maxEntryBytes || bytes > options.maxBytes) return;
      const previous = entries.get(query);
      if (previous !== undefined) {
        entries.delete(query);
        total -= previous.bytes;
      }
      for (const [oldest, entry] of entries) {
        if (total + bytes <= options.maxBytes) break;
        entries.delete(oldest);
        total -= entry.bytes;
      }
      entries.set(query, { value, bytes });
      total += bytes;
    },
    bytes: () => total,
    size: () => entries.size,
  };
}
