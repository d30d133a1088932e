import { z } from 'zod';

/**
 * Titan Image Generator / Nova Canvas response (bedrock-protocol.md §5.4). `error` is null on success;
 * a string means the content filter stopped the generation.
 */
export const TitanImageResponseSchema = z.looseObject({
  images: z.array(z.string().min(1)).nullable().optional(),
  error: z.string().nullable().optional(),
});
