import { createSeededRandom } from '../synthetic/seeded-random.js';
import { synthesizeText } from '../synthetic/synthetic-text.js';
import type { DocumentLocation, KnowledgeBaseDocument } from './knowledge-base-corpus.js';

/** A RetrievedReference as Bedrock puts it in citations. */
export interface RetrievedReference {
  readonly content: { readonly type: 'TEXT'; readonly text: string };
  readonly location: DocumentLocation;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface Citation {
  readonly generatedResponsePart: {
    readonly textResponsePart: {
      readonly text: string;
      readonly span: { readonly start: number; readonly end: number };
    };
  };
  readonly retrievedReferences: readonly RetrievedReference[];
}

export interface GeneratedAnswer {
  readonly text: string;
  /** The answer's parts in order; joining them with a space gives `text`. */
  readonly parts: readonly string[];
  readonly citations: readonly Citation[];
}

/** Bedrock's canned answer when retrieval finds nothing to ground on. */
const NO_RESULTS_ANSWER = 'Sorry, I am unable to assist you with this request.';

/** How many sources an answer cites at most: one sentence group each. */
const MAX_CITED = 3;

function toRetrievedReference(document: KnowledgeBaseDocument): RetrievedReference {
  return {
    content: { type: 'TEXT', text: document.text },
    location: document.location,
    metadata: document.metadata,
  };
}

/**
 * A grounded answer: one synthetic passage per top source, each cited with its span in the
 * answer (`end` inclusive, as Bedrock reports it). Deterministic for a seed and sources.
 */
export function composeAnswer(seed: string, sources: readonly KnowledgeBaseDocument[]): GeneratedAnswer {
  const cited = sources.slice(0, MAX_CITED);
  if (cited.length === 0) return { text: NO_RESULTS_ANSWER, parts: [NO_RESULTS_ANSWER], citations: [] };
  const parts: string[] = [];
  const citations: Citation[] = [];
  let offset = 0;
  for (const [index, source] of cited.entries()) {
    const partSeed = `${seed}:${index}:${source.documentId}`;
    const part = synthesizeText(partSeed, createSeededRandom(partSeed).int(12, 28));
    if (index > 0) offset += 1; // the joining space
    parts.push(part);
    citations.push({
      generatedResponsePart: {
        textResponsePart: { text: part, span: { start: offset, end: offset + part.length - 1 } },
      },
      retrievedReferences: [toRetrievedReference(source)],
    });
    offset += part.length;
  }
  return { text: parts.join(' '), parts, citations };
}
