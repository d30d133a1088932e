import { z } from 'zod';

const Vector = z.array(z.number()).min(1);

/**
 * `amazon.titan-embed-text-v2:0` response (bedrock-protocol.md §5.3). `embedding` is always float;
 * `embeddingsByType` holds each type the request's `embeddingTypes` asked for.
 */
export const TitanEmbedV2ResponseSchema = z.looseObject({
  embedding: Vector.optional(),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
  embeddingsByType: z.looseObject({ float: Vector.optional(), binary: Vector.optional() }).optional(),
});
