import { z } from 'zod';

import {
  knowledgeBaseCorpus,
  rankDocuments,
  type KnowledgeBaseDocument,
  type ScoredDocument,
} from './knowledge-base-corpus.js';
import { rankChunks, type IndexedChunk } from './document-chunks.js';
import { matchesFilter, RetrievalFilterSchema } from './retrieval-filter.js';

/** Bedrock's default `numberOfResults`. */
export const DEFAULT_NUMBER_OF_RESULTS = 5;

/** `retrievalConfiguration` of Retrieve, RetrieveAndGenerate and agent knowledge-base configurations. */
export const RetrievalConfigurationSchema = z.object({
  vectorSearchConfiguration: z
    .object({
      numberOfResults: z.number().int().min(1).max(100).optional(),
      overrideSearchType: z.enum(['HYBRID', 'SEMANTIC']).optional(),
      filter: RetrievalFilterSchema.optional(),
      rerankingConfiguration: z.record(z.string(), z.unknown()).optional(),
      implicitFilterConfiguration: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

export type RetrievalConfiguration = z.output<typeof RetrievalConfigurationSchema>;

/**
 * Knowledge bases created through bedrock-agent search the chunks their ingestion jobs indexed;
 * any other well-formed ID has a synthetic corpus (see knowledge-base-corpus.ts).
 */
export interface KnowledgeBases {
  /**
   * The `numberOfResults` best documents for a query that pass the configuration's filter, best
   * first. Fewer when the filter leaves fewer.
   */
  retrieve(
    region: string,
    knowledgeBaseId: string,
    query: string,
    configuration: RetrievalConfiguration | undefined,
  ): ScoredDocument[];
}

// Corpora are pure functions of the ID; the cache only saves regenerating them, so a bound suffices.
const MAX_CACHED_CORPORA = 64;

/** Retrieval over synthetic corpora: deterministic for a knowledge-base ID, query and configuration. */
export function createKnowledgeBases(
  /** The indexed chunks of a created knowledge base; undefined for IDs that were never created. */
  createdChunks: (region: string, knowledgeBaseId: string) => readonly IndexedChunk[] | undefined = () =>
    undefined,
): KnowledgeBases {
  const corpora = new Map<string, KnowledgeBaseDocument[]>();
  const corpusOf = (knowledgeBaseId: string): KnowledgeBaseDocument[] => {
    let corpus = corpora.get(knowledgeBaseId);
    if (corpus === undefined) {
      if (corpora.size >= MAX_CACHED_CORPORA) corpora.clear();
      corpus = knowledgeBaseCorpus(knowledgeBaseId);
      corpora.set(knowledgeBaseId, corpus);
    }
    return corpus;
  };
  return {
    retrieve(region, knowledgeBaseId, query, configuration) {
      const search = configuration?.vectorSearchConfiguration;
      const filter = search?.filter;
      const passes = (document: KnowledgeBaseDocument): boolean =>
        filter === undefined || matchesFilter(filter, document.metadata);
      const created = createdChunks(region, knowledgeBaseId);
      const ranked =
        created === undefined
          ? rankDocuments(corpusOf(knowledgeBaseId).filter(passes), query)
          : rankChunks(
              created.filter((chunk) => passes(chunk.document)),
              query,
            );
      return ranked.slice(0, search?.numberOfResults ?? DEFAULT_NUMBER_OF_RESULTS);
    },
  };
}
