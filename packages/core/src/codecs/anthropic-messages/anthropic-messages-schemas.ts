import { z } from 'zod';

// Anthropic Messages bodies as Bedrock returns them (bedrock-protocol.md §5.1). Only the fields
// Quarry reads; every object is loose so new fields never break decoding.

const TokenCount = z.number().int().nonnegative();
const BlockIndex = z.number().int().nonnegative();

/** Content blocks are read per type (`text`, `tool_use`); other types (`thinking`, …) are skipped. */
export const AnthropicResponseSchema = z.looseObject({
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string(),
  usage: z.looseObject({ input_tokens: TokenCount, output_tokens: TokenCount }),
});

export const AnthropicTextBlockSchema = z.looseObject({ type: z.literal('text'), text: z.string() });

export const AnthropicToolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});

export const MessageStartChunkSchema = z.looseObject({
  message: z.looseObject({
    usage: z
      .looseObject({ input_tokens: TokenCount.optional(), output_tokens: TokenCount.optional() })
      .optional(),
  }),
});

export const ContentBlockStartChunkSchema = z.looseObject({
  index: BlockIndex,
  content_block: z.looseObject({ type: z.string() }),
});

/** The `content_block` of a `content_block_start` that opens a tool call. */
export const ToolUseStartSchema = z.looseObject({ id: z.string().min(1), name: z.string().min(1) });

export const ContentBlockDeltaChunkSchema = z.looseObject({
  index: BlockIndex,
  delta: z.looseObject({ type: z.string() }),
});

export const TextDeltaSchema = z.looseObject({ text: z.string() });
export const InputJsonDeltaSchema = z.looseObject({ partial_json: z.string() });

export const ContentBlockStopChunkSchema = z.looseObject({ index: BlockIndex });

export const MessageDeltaChunkSchema = z.looseObject({
  delta: z.looseObject({ stop_reason: z.string().nullish() }),
  usage: z.looseObject({ output_tokens: TokenCount.optional() }).nullish(),
});

/** First-party Anthropic streams report failures in-band; Bedrock normally uses exception frames. */
export const ErrorChunkSchema = z.looseObject({
  error: z.looseObject({ type: z.string(), message: z.string() }),
});
