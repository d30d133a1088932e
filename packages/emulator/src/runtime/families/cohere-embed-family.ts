import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { synthesizeEmbedding } from '../../synthetic/synthetic-embedding.js';
import { countTokens } from '../../synthetic/synthetic-text.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import type { EmbedFamily } from './family.js';

const EMBEDDING_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary'] as const;
type EmbeddingType = (typeof EMBEDDING_TYPES)[number];

const CohereEmbedRequest = z.looseObject({
  texts: z.array(z.string().max(2048)).optional(),
  images: z.array(z.string()).max(1).optional(),
  input_type: z.enum(['search_document', 'search_query', 'classification', 'clustering', 'image']),
  truncate: z.enum(['NONE', 'START', 'END']).optional(),
  embedding_types: z.array(z.enum(EMBEDDING_TYPES)).min(1).optional(),
});

/** Cohere Embed v3: batches of texts, optional quantised types (bedrock-protocol.md §5.8). */
export const cohereEmbedFamily: EmbedFamily = {
  kind: 'embed',
  embed(body, model: CatalogModel) {
    const request = parseNativeBody(CohereEmbedRequest, body);
    const inputs = request.texts ?? request.images ?? [];
    if (inputs.length === 0) throw malformedInput(['#: required key [texts] not found']);
    const maxBatch = model.maxEmbedBatch ?? 96;
    if (inputs.length > maxBatch) {
      throw malformedInput([`#/texts: expected maximum item count: ${maxBatch}, found: ${inputs.length}`]);
    }
    const dimensions = model.embeddingDimensions?.[0] ?? 1024;
    // Cohere v3 vectors are unit length.
    const floats = inputs.map((text) => synthesizeEmbedding(text, dimensions, true));
    const inputTokens = (request.texts ?? []).reduce((sum, text) => sum + countTokens(text), 0);
    const common = { id: `${model.modelId}-${inputTokens}-${inputs.length}`, texts: request.texts ?? [] };
    if (request.embedding_types === undefined) {
      return { body: { embeddings: floats, ...common, response_type: 'embeddings_floats' }, inputTokens };
    }
    const byType: Partial<Record<EmbeddingType, number[][]>> = {};
    for (const type of request.embedding_types) byType[type] = floats.map((vector) => quantise(vector, type));
    return { body: { embeddings: byType, ...common, response_type: 'embeddings_by_type' }, inputTokens };
  },
};

function quantise(vector: readonly number[], type: EmbeddingType): number[] {
  switch (type) {
    case 'float':
      return [...vector];
    case 'int8':
    case 'uint8': {
      const scale = Math.max(...vector.map(Math.abs)) || 1;
      return vector.map((value) => Math.round((value / scale) * 127) + (type === 'uint8' ? 128 : 0));
    }
    case 'binary':
    case 'ubinary': {
      // Eight dimensions per byte, sign bit set for positive values.
      const packed: number[] = [];
      for (let start = 0; start < vector.length; start += 8) {
        let byte = 0;
        for (let bit = 0; bit < 8; bit++) if ((vector[start + bit] ?? 0) > 0) byte |= 0x80 >> bit;
        packed.push(type === 'binary' ? byte - 128 : byte);
      }
      return packed;
    }
  }
}
