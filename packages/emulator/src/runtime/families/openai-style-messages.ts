import { z } from 'zod';

import type { ChatPart, ChatTurn, ToolChoice, ToolSpec } from '../chat/chat-prompt.js';

/** The OpenAI-like message shape Mistral's chat format and AI21 Jamba share (§5.7, §5.9). */
export const ChatMessage = z.looseObject({
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

export const FunctionTool = z.looseObject({
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), description: z.string().optional(), parameters: z.unknown() }),
});

/** System messages become the system prompt; `tool` messages become tool results in a user turn. */
export function splitChatMessages(messages: readonly ChatMessage[]): { system: string[]; turns: ChatTurn[] } {
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

export function functionTools(tools: readonly z.infer<typeof FunctionTool>[] | undefined): ToolSpec[] {
  return (tools ?? []).map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? '',
    inputSchema: tool.function.parameters,
  }));
}

/** `auto` / `any` / `none` (Mistral), `required` (OpenAI's spelling of any), or a named function. */
export function functionToolChoice(choice: unknown): ToolChoice {
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
