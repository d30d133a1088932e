import {
  estimateChatTokens,
  type CatalogModel,
  type ChatMessage,
  type ContentPart,
  type ToolCall,
} from '@quarry/core';
import type { MessageRow } from './conversation-repository.js';

export interface StoredToolResult {
  readonly toolUseId: string;
  readonly content: string;
  readonly isError?: boolean;
}

/**
 * Stored turns as core's family-neutral messages: each family's codec encodes them on the next
 * call, which is what lets a conversation switch models. Answers that produced nothing (a call
 * that failed at once) are left out, and turns of one role that end up adjacent are merged, since
 * most families require strict user/assistant alternation.
 */
export function toChatMessages(rows: readonly MessageRow[]): ChatMessage[] {
  const messages: { role: 'user' | 'assistant'; parts: ContentPart[] }[] = [];
  for (const row of rows) {
    const parts = partsOf(row);
    if (parts.length === 0) continue;
    const last = messages.at(-1);
    if (last?.role === row.role) last.parts.push(...parts);
    else messages.push({ role: row.role, parts });
  }
  return messages.map(({ role, parts }) => ({ role, content: simplify(parts) }));
}

function partsOf(row: MessageRow): ContentPart[] {
  if (row.status === 'streaming') return [];
  const parts: ContentPart[] = [];
  if (row.role === 'user') {
    for (const result of (parseStoredJson(row.tool_results) as StoredToolResult[] | undefined) ?? []) {
      parts.push({
        type: 'tool-result',
        toolUseId: result.toolUseId,
        content: result.content,
        ...(result.isError !== undefined && { isError: result.isError }),
      });
    }
    if (row.content !== '' || parts.length === 0) parts.push({ type: 'text', text: row.content });
    return parts;
  }
  if (row.content !== '') parts.push({ type: 'text', text: row.content });
  for (const call of (parseStoredJson(row.tool_calls) as ToolCall[] | undefined) ?? []) {
    parts.push({ type: 'tool-use', toolUseId: call.toolUseId, name: call.name, input: call.input });
  }
  return parts;
}

/** Text-only turns stay plain strings (the simplest shape for every codec); adjacent texts join. */
function simplify(parts: ContentPart[]): string | ContentPart[] {
  if (parts.every((part) => part.type === 'text')) return parts.map((part) => part.text).join('\n\n');
  return parts;
}

/** The gateway wrote these JSON columns itself; undefined for SQL NULL. */
export function parseStoredJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}

/**
 * Drops the oldest turns until the request fits the model's context window (by core's own
 * estimate, with room left for the answer), never the system prompt and never the newest turn.
 * The kept history starts with a plain user turn: an answer or a tool result whose call was
 * dropped cannot open a conversation.
 */
export function fitToContextWindow(
  model: CatalogModel,
  request: {
    readonly system?: string;
    readonly messages: readonly ChatMessage[];
    readonly maxTokens?: number;
  },
): ChatMessage[] {
  const messages = [...request.messages];
  if (model.contextWindow === null) return messages;
  const reserve =
    request.maxTokens ?? Math.min(model.maxOutputTokens ?? 0, Math.floor(model.contextWindow / 4));
  const budget = model.contextWindow - reserve;
  const fits = (): boolean =>
    estimateChatTokens({ ...(request.system !== undefined && { system: request.system }), messages }) <=
    budget;
  while (messages.length > 1 && (!fits() || !opensConversation(messages[0]))) messages.shift();
  return messages;
}

function opensConversation(message: ChatMessage | undefined): boolean {
  if (message?.role !== 'user') return false;
  return typeof message.content === 'string' || !message.content.some((part) => part.type === 'tool-result');
}
