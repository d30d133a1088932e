import { z } from 'zod';

const TokenCount = z.number().int().nonnegative();

const TokenCountsSchema = z.looseObject({
  input_tokens: TokenCount.optional(),
  output_tokens: TokenCount.optional(),
});

/** Cohere's `meta`; Bedrock's documented body omits it, the Cohere API sends it [UNVERIFIED on Bedrock]. */
const MetaSchema = z.looseObject({
  tokens: TokenCountsSchema.nullish(),
  billed_units: TokenCountsSchema.nullish(),
});

/** A Cohere v1 tool call: a name and a parameters object; Cohere gives calls no id. */
const ToolCallSchema = z.looseObject({ name: z.string(), parameters: z.record(z.string(), z.unknown()) });

/** Command R / R+ response (bedrock-protocol.md §5.8). */
export const CohereCommandRResponseSchema = z.looseObject({
  text: z.string(),
  generation_id: z.string().nullish(),
  finish_reason: z.string(),
  tool_calls: z.array(ToolCallSchema).nullish(),
  meta: MetaSchema.nullish(),
});

/** Stream chunks by `event_type` [UNVERIFIED details]; other event types (search results, citations) are skipped. */
export const StreamStartChunkSchema = z.looseObject({ generation_id: z.string().nullish() });

export const TextGenerationChunkSchema = z.looseObject({ text: z.string() });

/** Newer Cohere v1 streams: the tool plan's text, or one fragment of a call (`parameters` is JSON text). */
export const ToolCallsChunkSchema = z.looseObject({
  text: z.string().nullish(),
  tool_call_delta: z
    .looseObject({
      index: z.number().int().nonnegative().nullish(),
      name: z.string().nullish(),
      parameters: z.string().nullish(),
    })
    .nullish(),
});

/** The complete tool calls of the turn, sent once (the only tool event in older streams). */
export const ToolCallsGenerationChunkSchema = z.looseObject({
  text: z.string().nullish(),
  tool_calls: z.array(ToolCallSchema),
});

export const StreamEndChunkSchema = z.looseObject({
  finish_reason: z.string(),
  response: z.looseObject({ meta: MetaSchema.nullish() }).nullish(),
});

export type CohereMeta = z.infer<typeof MetaSchema>;
