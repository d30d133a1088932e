import type { Cost, StopReason, StreamEvent, ToolCall, Usage } from '@quarry/core';

export type StreamStartEvent = Extract<StreamEvent, { type: 'stream-start' }>;
export type TextDeltaEvent = Extract<StreamEvent, { type: 'text-delta' }>;
export type ToolUseDeltaEvent = Extract<StreamEvent, { type: 'tool-use-delta' }>;

/** Core's stream-end (tool calls, cost, wall time) plus what conversations add. */
export interface StreamEndEvent {
  readonly type: 'stream-end';
  readonly stopReason: StopReason;
  readonly rawStopReason: string;
  readonly usage: Usage;
  readonly latencyMs: number;
  readonly toolCalls: readonly ToolCall[];
  readonly cost: Cost;
  /** sendMessageStream: the committed assistant message. */
  readonly messageId?: string;
  /** sendMessageStream: turns of the conversation sent to the model. */
  readonly turnsSent?: number;
}

/** What `invokeStream` yields; mirrors the GraphQL `StreamEvent` union. */
export type GatewayStreamEvent = StreamStartEvent | TextDeltaEvent | ToolUseDeltaEvent | StreamEndEvent;
