import { keywords } from '../synthetic/keywords.js';
import { synthesizeEmbedding, cosineSimilarity } from '../synthetic/synthetic-embedding.js';
import {
  hashId,
  type KnowledgeBaseDocument,
  type MetadataValue,
  type ScoredDocument,
} from './knowledge-base-corpus.js';

/** Bedrock's chunking strategies that matter for plain text. */
export type Chunking =
  | { readonly strategy: 'FIXED_SIZE'; readonly maxTokens: number; readonly overlapPercentage: number }
  | { readonly strategy: 'NONE' };

/** Bedrock's default: fixed chunks of about 300 tokens with 20% overlap. */
export const DEFAULT_CHUNKING: Chunking = { strategy: 'FIXED_SIZE', maxTokens: 300, overlapPercentage: 20 };

/** A stored chunk: the document Retrieve returns plus its embedding. */
export interface IndexedChunk {
  readonly document: KnowledgeBaseDocument;
  readonly embedding: readonly number[];
}

/** Dimensions of chunk and query embeddings (Titan Text Embeddings V2's default). */
const INDEX_DIMENSIONS = 1024;

/**
 * Splits a document into chunks (words stand in for tokens) and embeds each with the emulator's
 * deterministic embeddings. Chunk metadata carries Bedrock's own keys plus the document's
 * `.metadata.json` attributes, so retrieval filters see real metadata.
 */
export function chunkDocument(
  uri: string,
  text: string,
  attributes: Readonly<Record<string, MetadataValue>>,
  dataSourceId: string,
  chunking: Chunking,
): IndexedChunk[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const pieces: string[] = [];
  if (chunking.strategy === 'NONE' || words.length <= chunking.maxTokens) {
    if (words.length > 0) pieces.push(words.join(' '));
  } else {
    const step = Math.max(1, Math.floor(chunking.maxTokens * (1 - chunking.overlapPercentage / 100)));
    for (let start = 0; start < words.length; start += step) {
      pieces.push(words.slice(start, start + chunking.maxTokens).join(' '));
      if (start + chunking.maxTokens >= words.length) break;
    }
  }
  return pieces.map((piece, index) => ({
    document: {
      documentId: hashId(`${uri}:${index}`, 32),
      text: piece,
      location: { type: 'S3', s3Location: { uri } },
      metadata: {
        ...attributes,
        'x-amz-bedrock-kb-source-uri': uri,
        'x-amz-bedrock-kb-chunk-id': hashId(`chunk:${uri}:${index}:${piece}`, 36),
        'x-amz-bedrock-kb-data-source-id': dataSourceId,
      },
    },
    embedding: synthesizeEmbedding(piece, INDEX_DIMENSIONS, true),
  }));
}

/**
 * Ranks chunks for a query: cosine similarity of the embeddings (words shared with the query pull
 * a chunk up) blended with exact keyword overlap, mapped into Bedrock's (0, 1] score range.
 */
export function rankChunks(chunks: readonly IndexedChunk[], query: string): ScoredDocument[] {
  const queryVector = synthesizeEmbedding(query, INDEX_DIMENSIONS, true);
  const queryWords = new Set(keywords(query));
  return chunks
    .map(({ document, embedding }) => {
      const documentWords = new Set(keywords(document.text));
      const overlap =
        queryWords.size === 0
          ? 0
          : [...queryWords].filter((word) => documentWords.has(word)).length / queryWords.size;
      const similarity = (cosineSimilarity(queryVector, embedding) + 1) / 2;
      return { document, score: Math.round((0.6 * similarity + 0.4 * overlap) * 10_000) / 10_000 };
    })
    .sort((a, b) => b.score - a.score || a.document.documentId.localeCompare(b.document.documentId));
}
