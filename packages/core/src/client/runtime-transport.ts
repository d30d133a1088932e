import type {
  ConverseCommandOutput,
  ConverseStreamOutput,
  ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import type { ConverseRequestFields } from '../converse/converse-request.js';
import type { OpenedStream } from './read-event-stream.js';

/**
 * Which code sends the four hot runtime operations (InvokeModel, InvokeModelWithResponseStream,
 * Converse, ConverseStream):
 * - `direct` (default): Quarry builds, signs and sends the HTTP request itself with the SDK's own
 *   parts (credential chain, endpoint resolver, `@smithy/signature-v4`, event-stream codec, request
 *   handler), skipping the SDK's per-command middleware stack. Same bytes on the wire.
 * - `sdk`: the SDK's commands through `client.send()`: the reference path, for middleware you
 *   added to your own SDK clients and for comparing against `direct`.
 */
export type RuntimePath = 'direct' | 'sdk';

/** One runtime call: the model, per-call headers and the abort signal. */
export interface RuntimeCall {
  readonly modelId: string;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly signal: AbortSignal | undefined;
}

/** An InvokeModel answer: the body text and the response headers (usage counts live there). */
export interface InvokeModelAnswer {
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
}

export interface ConverseAnswer {
  readonly output: Omit<ConverseCommandOutput, '$metadata'>;
  readonly requestId: string | undefined;
}

/**
 * Sends one attempt of a hot runtime operation. Failures are thrown exactly as the SDK throws
 * them (modeled exception classes with `$metadata` and `$response`), so fromBedrockException maps
 * both paths alike; retries stay in core's executors.
 */
export interface RuntimeTransport {
  readonly path: RuntimePath;
  invokeModel(call: RuntimeCall & { readonly body: string }): Promise<InvokeModelAnswer>;
  invokeModelStream(
    call: RuntimeCall & { readonly body: string; readonly signal: AbortSignal },
  ): Promise<OpenedStream<ResponseStream>>;
  converse(call: RuntimeCall & { readonly fields: ConverseRequestFields }): Promise<ConverseAnswer>;
  converseStream(
    call: RuntimeCall & { readonly fields: ConverseRequestFields; readonly signal: AbortSignal },
  ): Promise<OpenedStream<ConverseStreamOutput>>;
}
