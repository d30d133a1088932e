import { z } from 'zod';

import type { ChatPart, ChatPrompt, ChatTurn, ToolChoice, ToolSpec } from '../chat/chat-prompt.js';
import type { ReplyStopReason } from '../chat/generate-reply.js';
import { malformedInput } from '../malformed-input.js';

/** The OpenAI-like message shape Mistral's chat format and AI21 Jamba share (§5.7, §5.9). */
const ChatMessage = z.looseObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.null(), z.array(z.looseObject({}))]).optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        function: z.looseObject({ name: z.string(), arguments: z.unknown() }),
      }),
    )
    .nullish(),
  tool_call_id: z.string().optional(),
});
type ChatMessage = z.infer<typeof ChatMessage>;

const FunctionTool = z.looseObject({
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), description: z.string().optional(), parameters: z.unknown() }),
});

/**
 * The request members both OpenAI-style formats read the same way. Spread first into each family's
 * `z.looseObject`, so the members keep their order and violations are listed in the same order.
 */
export const openAIChatRequestShape = {
  messages: z.array(ChatMessage).min(1),
  tools: z.array(FunctionTool).optional(),
  tool_choice: z.unknown().optional(),
  max_tokens: z.int().min(1).optional(),
};

/** OpenAI's finish reasons: Jamba sends them as `finish_reason`, Mistral chat as `stop_reason`. */
export const OPENAI_FINISH_REASONS = {
  end_turn: 'stop',
  max_tokens: 'length',
  stop_sequence: 'stop',
  tool_use: 'tool_calls',
} as const satisfies Record<ReplyStopReason, string>;

/**
 * The prompt of a parsed OpenAI-style chat body. `stopSequences` comes from the caller because the
 * formats disagree on `stop` (Jamba also takes a single string).
 */
export function openAIChatPrompt(
  request: z.infer<z.ZodObject<typeof openAIChatRequestShape>>,
  stopSequences: readonly string[],
): ChatPrompt {
  const { system, turns } = splitChatMessages(request.messages);
  if (turns.length === 0) throw malformedInput(['#/messages: expected at least one user message']);
  const tools = functionTools(request.tools);
  const toolChoice = functionToolChoice(request.tool_choice);
  // Refused rather than letting the model call a function the caller never defined.
  if (toolChoice.type === 'tool' && !tools.some((tool) => tool.name === toolChoice.name)) {
    throw malformedInput([
      `#/tool_choice/function/name: ${JSON.stringify(toolChoice.name)} is not the name of a function in #/tools`,
    ]);
  }
  return {
    system,
    turns,
    tools,
    toolChoice,
    maxTokens: request.max_tokens,
    stopSequences,
  };
}

/** System messages become the system prompt; `tool` messages become tool results in a user turn. */
function splitChatMessages(messages: readonly ChatMessage[]): { system: string[]; turns: ChatTurn[] } {
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; parts: ChatPart[] }[] = [];
  const append = (role: 'user' | 'assistant', parts: ChatPart[]): void => {
    const last = turns.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else turns.push({ role, parts });
  };
  for (const message of messages) {
    const text = contentText(message.content);
    switch (message.role) {
      case 'system':
        system.push(text);
        break;
      case 'user':
        append('user', [{ type: 'text', text }]);
        break;
      case 'assistant':
        append('assistant', [
          ...(text === '' ? [] : [{ type: 'text' as const, text }]),
          ...(message.tool_calls ?? []).map((call): ChatPart => ({
            type: 'tool-use',
            id: call.id ?? '',
            name: call.function.name,
            input: call.function.arguments,
          })),
        ]);
        break;
      case 'tool':
        append('user', [{ type: 'tool-result', id: message.tool_call_id ?? '', text }]);
        break;
    }
  }
  return { system, turns };
}

function functionTools(tools: readonly z.infer<typeof FunctionTool>[] | undefined): ToolSpec[] {
  return (tools ?? []).map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? '',
    inputSchema: tool.function.parameters,
  }));
}

/** `auto` / `any` / `none` (Mistral), `required` (OpenAI's spelling of any), or a named function. */
function functionToolChoice(choice: unknown): ToolChoice {
  if (choice === 'any' || choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  const name = (choice as { function?: { name?: unknown } } | null | undefined)?.function?.name;
  return typeof name === 'string' ? { type: 'tool', name } : { type: 'auto' };
}

function contentText(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).join('');
}
