/** One parsed request, independent of HTTP/1.1 vs HTTP/2. */
export interface EmulatorRequest {
  readonly method: string;
  /** Path split on `/` first, then each segment percent-decoded once (ARNs keep their `/`). */
  readonly segments: readonly string[];
  /** The path as sent, still percent-encoded (S3 keys keep empty and trailing segments). */
  readonly rawPath?: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Region from the SigV4 credential scope; `us-east-1` when the request carries none. */
  readonly region: string;
  /** Aborted when the client goes away (stream reset, socket closed). */
  readonly signal: AbortSignal;
}

/**
 * One event-stream message before framing. Its headers are always Bedrock's three string headers
 * (`:event-type` or `:exception-type`, `:content-type: application/json`, `:message-type`), so
 * the framer derives them from `messageType` and `type` (bedrock-protocol.md §3).
 */
export interface EventStreamMessage {
  readonly messageType: 'event' | 'exception';
  /** The union member name: `chunk`, `messageStart`, … for events; `throttlingException`, … for exceptions. */
  readonly type: string;
  /** JSON payload, serialised by the framer. */
  readonly payload: unknown;
}

export type EmulatorResponse =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body: unknown;
    }
  | {
      readonly kind: 'bytes';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body: Uint8Array;
    }
  | {
      readonly kind: 'event-stream';
      readonly headers?: Readonly<Record<string, string>>;
      /** Produced lazily so timing (time to first token, tokens/s) and faults apply as frames are written. */
      readonly messages: AsyncIterable<EventStreamMessage>;
    }
  /** Destroy the connection without answering (the "dropped connection" fault). */
  | { readonly kind: 'drop' };

/**
 * An error Bedrock would answer with: the status, `x-amzn-errortype` and `{"message"}` body the SDK
 * turns into its typed exception (bedrock-protocol.md §4).
 */
export class BedrockHttpError extends Error {
  override name = 'BedrockHttpError';
  constructor(
    readonly status: number,
    /** PascalCase exception name, e.g. `ThrottlingException`. */
    readonly exception: string,
    message: string,
    /** Extra modeled members copied into the body (`originalStatusCode`, `resourceName`, …). */
    readonly extra: Readonly<Record<string, unknown>> = {},
    /** Extra response headers (`retry-after`, …). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
