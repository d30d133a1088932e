import type { ToolCall } from '../codec-kit/chat-types.js';
import type { StreamEvent } from './stream-event.js';

/** Collects a stream's `tool-use-delta` fragments into whole tool calls, in index order. */
export interface ToolCallAssembler {
  push(event: StreamEvent): void;
  /** The calls seen so far, arguments parsed: what `invoke` would have returned. */
  toolCalls(): readonly ToolCall[];
}

export function createToolCallAssembler(): ToolCallAssembler {
  const calls = new Map<number, { toolUseId: string; name: string; json: string }>();
  return {
    push(event) {
      if (event.type !== 'tool-use-delta') return;
      const call = calls.get(event.index) ?? { toolUseId: event.toolUseId, name: event.name, json: '' };
      call.json += event.inputJson;
      calls.set(event.index, call);
    },
    toolCalls: () =>
      [...calls.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, call]) => ({
          toolUseId: call.toolUseId,
          name: call.name,
          input: parseToolInput(call.json),
        })),
  };
}

/**
 * An empty input is `{}`. JSON the model broke off (a stream cut by max_tokens) is passed on as
 * the raw string rather than failing a stream whose text already reached the caller.
 */
function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}
