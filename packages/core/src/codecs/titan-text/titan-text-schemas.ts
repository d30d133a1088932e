import { z } from 'zod';

// Amazon Titan Text bodies (bedrock-protocol.md §5.2). Only the fields Quarry reads; loose objects.

const TokenCount = z.number().int().nonnegative();

const TitanTextResultSchema = z.looseObject({
  tokenCount: TokenCount,
  outputText: z.string(),
  completionReason: z.string(),
});

/** `results` holds at least one result; Quarry reads the first (it never asks for more). */
export const TitanTextResponseSchema = z.looseObject({
  inputTextTokenCount: TokenCount,
  results: z.tuple([TitanTextResultSchema], TitanTextResultSchema),
});

/**
 * A stream chunk. `inputTextTokenCount` is set on the first chunk only, `totalOutputTextTokenCount`
 * is cumulative, and `completionReason` stays null until the last chunk.
 */
export const TitanTextStreamChunkSchema = z.looseObject({
  outputText: z.string().nullish(),
  completionReason: z.string().nullish(),
  inputTextTokenCount: TokenCount.nullish(),
  totalOutputTextTokenCount: TokenCount.nullish(),
});
