import { z } from 'zod';

const OutputSchema = z.looseObject({ text: z.string(), stop_reason: z.string() });
const ChunkOutputSchema = z.looseObject({ text: z.string(), stop_reason: z.string().nullish() });

/**
 * Mistral text-format response (bedrock-protocol.md §5.7): one output per generation, and we ask
 * for one. A tuple with a rest element types the first output as present.
 */
export const MistralTextResponseSchema = z.looseObject({
  outputs: z.tuple([OutputSchema], OutputSchema),
});

/** A Mistral text-format stream chunk: the response's shape, `stop_reason` null until the last chunk. */
export const MistralTextChunkSchema = z.looseObject({
  outputs: z.tuple([ChunkOutputSchema], ChunkOutputSchema),
});
