import { z } from 'zod';

const TokenCount = z.number().int().nonnegative();

/** Mistral sends `arguments` as a JSON string; some deployments send the object itself. */
const ArgumentsSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

/** A string, or (newer Mistral APIs) an array of typed chunks of which we read the text ones. */
const ContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);

const UsageSchema = z.looseObject({ prompt_tokens: TokenCount, completion_tokens: TokenCount });

const ToolCallSchema = z.looseObject({
  id: z.string(),
  function: z.looseObject({ name: z.string(), arguments: ArgumentsSchema }),
});

/**
 * AWS documents the stop field as `stop_reason`; captures also show OpenAI's `finish_reason`
 * (bedrock-protocol.md §5.7), so both are read and one must be present.
 */
const ChoiceSchema = z.looseObject({
  message: z.looseObject({ content: ContentSchema.nullish(), tool_calls: z.array(ToolCallSchema).nullish() }),
  stop_reason: z.string().nullish(),
  finish_reason: z.string().nullish(),
});

/** Mistral chat-format response (Mistral Large 2407, Pixtral Large); we ask for one choice. */
export const MistralChatResponseSchema = z.looseObject({
  choices: z.tuple([ChoiceSchema], ChoiceSchema),
  usage: UsageSchema.nullish(),
});

const ToolCallDeltaSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().optional(),
  function: z.looseObject({ name: z.string().optional(), arguments: ArgumentsSchema.optional() }).optional(),
});

const DeltaSchema = z.looseObject({
  content: ContentSchema.nullish(),
  tool_calls: z.array(ToolCallDeltaSchema).nullish(),
});

/**
 * A chat-format stream chunk: OpenAI-like `choices[].delta` [UNVERIFIED on Bedrock]. A choice may
 * carry `message` instead of `delta`, which is read the same way.
 */
export const MistralChatChunkSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      delta: DeltaSchema.nullish(),
      message: DeltaSchema.nullish(),
      stop_reason: z.string().nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: UsageSchema.nullish(),
});

export type MistralContent = z.infer<typeof ContentSchema>;
export type MistralArguments = z.infer<typeof ArgumentsSchema>;
