import { z } from 'zod';
import { NumberVector } from '../../codec-kit/number-vector.js';

/**
 * `amazon.titan-embed-text-v2:0` response (bedrock-protocol.md §5.3). `embedding` is always float;
 * `embeddingsByType` holds each type the request's `embeddingTypes` asked for.
 */
export const TitanEmbedV2ResponseSchema = z.looseObject({
  embedding: NumberVector.optional(),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
  embeddingsByType: z
    .looseObject({ float: NumberVector.optional(), binary: NumberVector.optional() })
    .optional(),
});
