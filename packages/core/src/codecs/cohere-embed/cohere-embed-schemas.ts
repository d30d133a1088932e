import { z } from 'zod';
import { NumberVector } from '../../codec-kit/number-vector.js';

const Vectors = z.array(NumberVector);

/**
 * Cohere Embed v3 response (bedrock-protocol.md §5.8). Without `embedding_types` in the request the
 * vectors come as `embeddings_floats`; with it, `embeddings_by_type` keys them by type.
 */
export const CohereEmbedResponseSchema = z.discriminatedUnion('response_type', [
  z.looseObject({
    response_type: z.literal('embeddings_floats'),
    embeddings: Vectors,
    texts: z.array(z.string()).optional(),
  }),
  z.looseObject({
    response_type: z.literal('embeddings_by_type'),
    embeddings: z.looseObject({
      float: Vectors.optional(),
      int8: Vectors.optional(),
      uint8: Vectors.optional(),
      binary: Vectors.optional(),
      ubinary: Vectors.optional(),
    }),
    texts: z.array(z.string()).optional(),
  }),
]);

export type CohereEmbedResponse = z.infer<typeof CohereEmbedResponseSchema>;
