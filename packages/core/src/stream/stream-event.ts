import type { StopReason, Usage } from '../codec-kit/chat-types.js';

/** Timing Bedrock reports in `amazon-bedrock-invocationMetrics` on the last chunk. */
export interface InvocationMetrics {
  readonly invocationLatencyMs: number;
  /** Undefined where the upstream reports only total latency (Converse). */
  readonly firstByteLatencyMs: number | undefined;
}

/**
 * One event of a token stream, the same for every family. Noun-action names; the GraphQL
 * `StreamEvent` union mirrors it.
 */
export type StreamEvent =
  | { readonly type: 'stream-start'; readonly modelId: string; readonly requestId: string | undefined }
  | { readonly type: 'text-delta'; readonly index: number; readonly text: string }
  | {
      readonly type: 'tool-use-delta';
      readonly index: number;
      readonly toolUseId: string;
      readonly name: string;
      /** A fragment of the tool input's JSON; concatenate fragments of one index. */
      readonly inputJson: string;
    }
  | StreamEndEvent;

/** The last event of a stream: why the model stopped and what it counted. */
export interface StreamEndEvent {
  readonly type: 'stream-end';
  readonly stopReason: StopReason;
  readonly rawStopReason: string;
  readonly usage: Usage;
  readonly metrics: InvocationMetrics | undefined;
}

export type StreamEventType = StreamEvent['type'];

/** Yields data events and ends with exactly one `stream-end`; failures are thrown as QuarryError, never yielded. */
export type TokenStream = AsyncIterable<StreamEvent>;

/** True for events that carry model output: once one reached a caller, a retry would duplicate it. */
export function isContentEvent(event: StreamEvent): boolean {
  return event.type === 'text-delta' || event.type === 'tool-use-delta';
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
