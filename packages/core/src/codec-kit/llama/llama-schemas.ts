import { z } from 'zod';

const TokenCount = z.number().int().nonnegative();

/** Meta Llama InvokeModel response (bedrock-protocol.md §5.6); the same body for Llama 2, 3.x and 4. */
export const LlamaResponseSchema = z.looseObject({
  generation: z.string(),
  prompt_token_count: TokenCount.nullish(),
  generation_token_count: TokenCount.nullish(),
  stop_reason: z.string(),
});

/**
 * One Llama stream chunk: the response's keys, where `generation` is the text delta,
 * `prompt_token_count` is set on the first chunk only, `generation_token_count` counts the tokens
 * generated so far and `stop_reason` stays null until the last chunk.
 */
export const LlamaChunkSchema = z.looseObject({
  generation: z.string(),
  prompt_token_count: TokenCount.nullish(),
  generation_token_count: TokenCount.nullish(),
  stop_reason: z.string().nullish(),
});
