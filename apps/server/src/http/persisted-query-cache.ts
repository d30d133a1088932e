import { InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';

/**
 * The Automatic Persisted Queries cache (sha256 hex of a query text → the text), given to Apollo as
 * `persistedQueries.cache` and read by the HTTP fast path, so both see one cache: a hash the fast
 * path finds is one Apollo would find, and eviction and PERSISTED_QUERY_NOT_FOUND stay Apollo's.
 *
 * The kind and size of cache Apollo 5 uses when given none: its default server cache, an
 * InMemoryLRUCache of 30 MiB by text length, without a TTL. That cache was shared under an `apq:`
 * prefix, but nothing else in this gateway used it; this one holds only persisted queries, so it
 * is marked as needing no prefix and its keys are the hashes themselves, for Apollo and the fast
 * path alike (no reliance on Apollo's private prefix).
 */
export function createPersistedQueryCache(): KeyValueCache {
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(
    new InMemoryLRUCache<string>(),
  );
}
