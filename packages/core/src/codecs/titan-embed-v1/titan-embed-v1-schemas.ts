import { z } from 'zod';
import { NumberVector } from '../../codec-kit/number-vector.js';

/** `amazon.titan-embed-text-v1` response: one vector and the input's token count (bedrock-protocol.md §5.3). */
export const TitanEmbedV1ResponseSchema = z.looseObject({
  embedding: NumberVector,
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});
