import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { DOCUMENT_CACHE_LIMITS } from '../ws/document-cache.js';

/**
 * Apollo's parsed-document cache for HTTP, bounded by the query text it holds like the graphql-ws
 * cache. Apollo's default allows 30 MiB measured as each document's JSON, which is several times
 * that once parsed: 100,000 unique inline documents (prompts in the query text) grew the gateway
 * by about 600 MB before levelling off.
 */
export function createDocumentStore(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: DOCUMENT_CACHE_LIMITS.maxBytes,
    maxEntrySize: DOCUMENT_CACHE_LIMITS.maxEntryBytes,
    sizeCalculation: (document) => Math.max(1, Buffer.byteLength(document.loc?.source.body ?? '', 'utf8')),
  });
}
