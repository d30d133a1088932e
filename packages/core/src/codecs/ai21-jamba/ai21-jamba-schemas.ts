import { z } from 'zod';

// AI21 Jamba bodies (bedrock-protocol.md §5.9): OpenAI-like chat completions. Only the fields Quarry
// reads; every object is loose.

const TokenCount = z.number().int().nonnegative();

/** OpenAI sends `arguments` as a JSON string; AI21's reference documents an object. Both are read. */
const ToolArguments = z.union([z.string(), z.record(z.string(), z.unknown())]);

const JambaToolCallSchema = z.looseObject({
  id: z.string().min(1),
  function: z.looseObject({ name: z.string().min(1), arguments: ToolArguments }),
});

const JambaChoiceSchema = z.looseObject({
  message: z.looseObject({
    content: z.string().nullish(),
    tool_calls: z.array(JambaToolCallSchema).nullish(),
  }),
  finish_reason: z.string(),
});

/** `choices` holds at least one choice; Quarry reads the first (it never sends `n`). */
export const Ai21JambaResponseSchema = z.looseObject({
  choices: z.tuple([JambaChoiceSchema], JambaChoiceSchema),
  usage: z.looseObject({ prompt_tokens: TokenCount, completion_tokens: TokenCount }),
});

/** A fragment of a streamed tool call: the first names `id` and `function.name`, later ones add `arguments`. */
const JambaToolCallDeltaSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: ToolArguments.nullish() }).nullish(),
});

/** `usage` is null except on the last chunk, which also carries `finish_reason`. */
export const Ai21JambaStreamChunkSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      delta: z
        .looseObject({
          content: z.string().nullish(),
          tool_calls: z.array(JambaToolCallDeltaSchema).nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: z
    .looseObject({ prompt_tokens: TokenCount.optional(), completion_tokens: TokenCount.optional() })
    .nullish(),
});
