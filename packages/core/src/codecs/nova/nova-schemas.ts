import { z } from 'zod';

// Amazon Nova understanding bodies (bedrock-protocol.md §5.5): Converse-shaped, one key per content
// block and per stream chunk. Only the fields Quarry reads; every object is loose.

const TokenCount = z.number().int().nonnegative();
const BlockIndex = z.number().int().nonnegative();

/** A content block holds one of `text`, `toolUse`, `reasoningContent`, …; unread kinds pass through. */
const NovaContentBlockSchema = z.looseObject({
  text: z.string().optional(),
  toolUse: z
    .looseObject({
      toolUseId: z.string().min(1),
      name: z.string().min(1),
      input: z.record(z.string(), z.unknown()),
    })
    .optional(),
});

export const NovaResponseSchema = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({ content: z.array(NovaContentBlockSchema) }),
  }),
  stopReason: z.string(),
  usage: z.looseObject({ inputTokens: TokenCount, outputTokens: TokenCount }),
});

/** Stream chunks are one-key objects; the reader checks which key is present before parsing. */
export const NovaStreamChunkSchema = z.looseObject({
  contentBlockStart: z
    .looseObject({
      contentBlockIndex: BlockIndex,
      start: z
        .looseObject({
          toolUse: z.looseObject({ toolUseId: z.string().min(1), name: z.string().min(1) }).optional(),
        })
        .optional(),
    })
    .optional(),
  contentBlockDelta: z
    .looseObject({
      contentBlockIndex: BlockIndex,
      delta: z.looseObject({
        text: z.string().optional(),
        toolUse: z.looseObject({ input: z.string() }).optional(),
      }),
    })
    .optional(),
  contentBlockStop: z.looseObject({ contentBlockIndex: BlockIndex.optional() }).optional(),
  messageStop: z.looseObject({ stopReason: z.string() }).optional(),
  metadata: z
    .looseObject({
      usage: z
        .looseObject({ inputTokens: TokenCount.optional(), outputTokens: TokenCount.optional() })
        .optional(),
    })
    .optional(),
});
