import type { ChatResult, ToolCall, Usage } from '../codec-kit/chat-types.js';
import type { Cost } from '../cost/cost.js';
import type { QuarryError } from '../errors/quarry-error.js';
import type { StreamEndEvent, StreamEvent } from '../stream/stream-event.js';

/** Per-call options shared by every client method. */
export interface CallOptions {
  /** Cancels the call, including an open stream's HTTP request. */
  readonly signal?: AbortSignal | undefined;
  /** Extra HTTP headers for this call only (tracing, or `x-quarry-fault` against the emulator). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** What every result reports about its call. */
export interface CallMeta {
  /** The ID the caller passed (base ID, profile ID or ARN). */
  readonly modelId: string;
  /** The catalog model it resolved to. */
  readonly baseModelId: string;
  /** Bedrock's `x-amzn-requestid` of the successful attempt. */
  readonly requestId: string | undefined;
  /** Wall time of the whole call including retries. */
  readonly latencyMs: number;
  /** HTTP attempts made (1 when the first try succeeded). */
  readonly attempts: number;
  readonly cost: Cost;
}

export interface InvokeResult extends ChatResult, CallMeta {}

/** A client stream's last event: the model's totals plus what the whole call took and cost. */
export interface CallStreamEnd extends StreamEndEvent {
  /** The tool calls assembled from the stream's `tool-use-delta` fragments, arguments parsed (as `invoke` returns them). */
  readonly toolCalls: readonly ToolCall[];
  /** Bedrock's `x-amzn-requestid` of the attempt that streamed. */
  readonly requestId: string | undefined;
  /** Wall time from the first `next()` (resolution, retries and all) to the end of the stream. */
  readonly latencyMs: number;
  /** HTTP attempts made (retries happen only before the first content event). */
  readonly attempts: number;
  readonly cost: Cost;
}

/** What `stream` and `converseStream` yield: core's StreamEvent with a completed `stream-end`. */
export type CallStreamEvent = Exclude<StreamEvent, StreamEndEvent> | CallStreamEnd;

/** Yields data events and ends with exactly one CallStreamEnd; failures are thrown as QuarryError. */
export type CallTokenStream = AsyncIterable<CallStreamEvent>;

export interface InvokeRawResult extends CallMeta {
  /** The family's native response body, parsed. */
  readonly body: unknown;
  /** From Bedrock's token-count headers; zeros when the upstream sent none. */
  readonly usage: Usage;
}

export type EmbeddingFormat = 'array' | 'float32';

export type EmbeddingVector<F extends EmbeddingFormat> = F extends 'float32'
  ? Float32Array
  : readonly number[];

/** One input text's outcome: its vector, or why it failed (other texts still succeed). */
export type EmbeddingItem<F extends EmbeddingFormat> =
  | {
      readonly index: number;
      readonly ok: true;
      readonly vector: EmbeddingVector<F>;
      readonly dimensions: number;
    }
  | { readonly index: number; readonly ok: false; readonly error: QuarryError };

/** `attempts` is 1 plus the retries of every batch: 1 when no batch needed a retry. */
export interface EmbedResponse<F extends EmbeddingFormat> extends CallMeta {
  /** One item per input text, in input order. */
  readonly items: readonly EmbeddingItem<F>[];
  readonly usage: Usage;
}

export interface GeneratedImage {
  /** Base64-encoded image bytes (PNG unless the family returns another format). */
  readonly base64: string;
  readonly seed: number | undefined;
}

export interface ImageResponse extends CallMeta {
  readonly images: readonly GeneratedImage[];
  /** From Bedrock's token-count headers (prompt tokens); zeros when the upstream sent none. */
  readonly usage: Usage;
}
