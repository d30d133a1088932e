import type { CallStreamEvent } from '@quarry/core';
import type { GatewayStreamEvent } from './gateway-stream-event.js';

/** Narrows core's events to what the GraphQL `StreamEvent` union carries. */
export async function* toGatewayEvents(
  events: AsyncIterable<CallStreamEvent>,
): AsyncGenerator<GatewayStreamEvent, void, undefined> {
  for await (const event of events) {
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
      toolCalls: event.toolCalls,
      cost: event.cost,
    };
  }
}
