import type { CallStreamEvent, ToolCall } from '@quarry/core';
import type { GatewayStreamEvent } from './gateway-stream-event.js';

/**
 * Passes core's events through and completes `stream-end` with the tool calls assembled from
 * their JSON fragments, so subscribers get parsed arguments without buffering deltas themselves.
 */
export async function* toGatewayEvents(
  events: AsyncIterable<CallStreamEvent>,
): AsyncGenerator<GatewayStreamEvent, void, undefined> {
  const tools = new Map<number, { toolUseId: string; name: string; json: string }>();
  for await (const event of events) {
    if (event.type === 'tool-use-delta') {
      const tool = tools.get(event.index) ?? { toolUseId: event.toolUseId, name: event.name, json: '' };
      tool.json += event.inputJson;
      tools.set(event.index, tool);
    }
    if (event.type !== 'stream-end') {
      yield event;
      continue;
    }
    yield {
      type: 'stream-end',
      stopReason: event.stopReason,
      rawStopReason: event.rawStopReason,
      usage: event.usage,
      latencyMs: event.latencyMs,
      toolCalls: [...tools.entries()].sort(([a], [b]) => a - b).map(([, tool]) => toToolCall(tool)),
      cost: event.cost,
    };
  }
}

function toToolCall(tool: { toolUseId: string; name: string; json: string }): ToolCall {
  return { toolUseId: tool.toolUseId, name: tool.name, input: parseToolInput(tool.json) };
}

/** An empty input is `{}`; JSON the model broke is passed on as the raw string rather than lost. */
function parseToolInput(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}
