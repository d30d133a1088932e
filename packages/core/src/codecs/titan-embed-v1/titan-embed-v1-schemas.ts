import { z } from 'zod';

/** `amazon.titan-embed-text-v1` response: one vector and the input's token count (bedrock-protocol.md §5.3). */
export const TitanEmbedV1ResponseSchema = z.looseObject({
  embedding: z.array(z.number()).min(1),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});
