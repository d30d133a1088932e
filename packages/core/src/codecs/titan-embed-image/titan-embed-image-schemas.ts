import { z } from 'zod';
import { NumberVector } from '../../codec-kit/number-vector.js';

/**
 * `amazon.titan-embed-image-v1` response (bedrock-protocol.md §5.3). `message` is null on success and
 * explains a failure otherwise.
 */
export const TitanEmbedImageResponseSchema = z.looseObject({
  embedding: NumberVector.optional(),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
  message: z.string().nullable().optional(),
});
