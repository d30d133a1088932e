import { createHash } from 'node:crypto';

import { keywords } from '../synthetic/keywords.js';
import { createSeededRandom } from '../synthetic/seeded-random.js';
import { synthesizeText } from '../synthetic/synthetic-text.js';

/** Metadata values as Bedrock returns them (and as retrieval filters compare them). */
export type MetadataValue = string | number | boolean | readonly string[];

/** Where a chunk came from, in Bedrock's RetrievalResultLocation shape. */
export type DocumentLocation =
  | { readonly type: 'S3'; readonly s3Location: { readonly uri: string } }
  | { readonly type: 'CUSTOM'; readonly customDocumentLocation: { readonly id: string } };

/** One chunk of a knowledge base (or of an external source given to RetrieveAndGenerate). */
export interface KnowledgeBaseDocument {
  readonly documentId: string;
  readonly text: string;
  readonly location: DocumentLocation;
  readonly metadata: Readonly<Record<string, MetadataValue>>;
}

export interface ScoredDocument {
  readonly document: KnowledgeBaseDocument;
  /** In (0, 1]; higher is more relevant. */
  readonly score: number;
}

/** How many chunks each synthetic knowledge base holds, the most a Retrieve call can return. */
const CORPUS_SIZE = 40;

const CATEGORIES = ['guide', 'faq', 'reference', 'release-notes', 'tutorial'] as const;
const TAGS = [
  'bedrock',
  'gateway',
  'latency',
  'pricing',
  'security',
  'streaming',
  'models',
  'regions',
] as const;

/**
 * The documents of a knowledge base: a fixed function of its ID, so every emulator instance and
 * every run returns the same corpus. Each chunk carries Bedrock's own metadata keys plus
 * `category`, `year` and `tags` for retrieval filters to work on.
 */
export function knowledgeBaseCorpus(knowledgeBaseId: string): KnowledgeBaseDocument[] {
  const bucket = `quarry-kb-${knowledgeBaseId.toLowerCase()}`;
  const dataSourceId = hashId(`data-source:${knowledgeBaseId}`, 10).toUpperCase();
  return Array.from({ length: CORPUS_SIZE }, (_, index) => {
    const seed = `kb:${knowledgeBaseId}:${index}`;
    const random = createSeededRandom(seed);
    const uri = `s3://${bucket}/documents/doc-${String(index + 1).padStart(3, '0')}.txt`;
    const tags = [...new Set([random.pick(TAGS), random.pick(TAGS)])];
    return {
      documentId: hashId(seed, 32),
      text: synthesizeText(seed, random.int(40, 90)),
      location: { type: 'S3', s3Location: { uri } },
      metadata: {
        'x-amz-bedrock-kb-source-uri': uri,
        'x-amz-bedrock-kb-chunk-id': hashId(`chunk:${seed}`, 36),
        'x-amz-bedrock-kb-data-source-id': dataSourceId,
        category: random.pick(CATEGORIES),
        year: random.int(2019, 2025),
        tags,
      },
    };
  });
}

/**
 * Scores every document for a query: mostly word overlap (so a query using a document's words
 * finds it), plus a deterministic per-(query, document) jitter that orders the rest. Sorted by
 * score, highest first.
 */
export function rankDocuments(documents: readonly KnowledgeBaseDocument[], query: string): ScoredDocument[] {
  const queryWords = new Set(keywords(query));
  return documents
    .map((document) => {
      const documentWords = new Set(keywords(document.text));
      const overlap =
        queryWords.size === 0
          ? 0
          : [...queryWords].filter((word) => documentWords.has(word)).length / queryWords.size;
      const jitter = createSeededRandom(`rank:${query}:${document.documentId}`).next();
      return { document, score: Math.round((0.3 + 0.5 * overlap + 0.2 * jitter) * 10_000) / 10_000 };
    })
    .sort((a, b) => b.score - a.score || a.document.documentId.localeCompare(b.document.documentId));
}

/** The first `length` hex digits of a SHA-256 of `seed`: stable document, chunk and data-source IDs. */
export function hashId(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}
