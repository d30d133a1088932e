/** Quarry's neutral request and result shapes; each codec translates them to one native format. */

export type Role = 'user' | 'assistant';

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export type ContentPart =
  | { readonly type: 'text'; readonly text: string }
  /** `data` is standard base64 without a data-URL prefix. */
  | { readonly type: 'image'; readonly format: ImageFormat; readonly data: string }
  | { readonly type: 'tool-use'; readonly toolUseId: string; readonly name: string; readonly input: unknown }
  | {
      readonly type: 'tool-result';
      readonly toolUseId: string;
      /** The tool's output as text (JSON-encode structured results). */
      readonly content: string;
      readonly isError?: boolean;
    };

export interface ChatMessage {
  readonly role: Role;
  /** A plain string is one text part. */
  readonly content: string | readonly ContentPart[];
}

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the tool's input object. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

export type ToolChoice =
  { readonly type: 'auto' } | { readonly type: 'any' } | { readonly type: 'tool'; readonly name: string };

export interface ChatRequest {
  /** Alternating user/assistant turns, starting and ending with `user`. */
  readonly messages: readonly ChatMessage[];
  readonly system?: string;
  /** Upper bound on generated tokens; each family has its own ceiling (see the catalog). */
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stopSequences?: readonly string[];
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
}

export type StopReason =
  'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'guardrail_intervened' | 'content_filtered';

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly totalTokens: number;
}

/** A complete tool call requested by the model; `input` is parsed JSON. */
export interface ToolCall {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
}

export interface ChatResult {
  /** All text blocks joined. */
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly stopReason: StopReason;
  /** The family's own stop value (`FINISH`, `stop`, `COMPLETE`, …), for logs and debugging. */
  readonly rawStopReason: string;
  readonly usage: Usage;
}

/**
 * Number format of the vectors a body asks for. `float` everywhere; Titan v2 adds `binary`
 * (one 0/1 value per dimension); Cohere adds `int8`, `uint8`, and packed `binary`/`ubinary`
 * (eight dimensions per value, so a 1,024-d model returns 128 values).
 */
export type EmbeddingType = 'float' | 'binary' | 'int8' | 'uint8' | 'ubinary';

export interface EmbedRequest {
  /**
   * The texts of one InvokeModel body: at most the model's `maxEmbedBatch` (1 for Titan, 96 for Cohere).
   * May be empty on a multimodal model when `image` is given.
   */
  readonly texts: readonly string[];
  /** Output size; must be one of the model's `embeddingDimensions`. */
  readonly dimensions?: number;
  /** Unit-length vectors (Titan v2 only; other families ignore it and Quarry normalises client-side). */
  readonly normalize?: boolean;
  /** Cohere's `input_type`; defaults to `search_document`. */
  readonly inputType?: 'search_document' | 'search_query' | 'classification' | 'clustering';
  /** Vector format; must be one the family supports. @default 'float' */
  readonly embeddingType?: EmbeddingType;
  /**
   * What Cohere does with a text longer than its token limit: refuse it (`none`)
   * or drop tokens from the `start` or `end`. Titan families ignore it and refuse over-long text.
   */
  readonly truncate?: 'none' | 'start' | 'end';
  /**
   * Standard base64 image bytes (PNG or JPEG, no data-URL prefix) for multimodal embedding models
   * (Titan Multimodal Embeddings). With a text too, the model returns one joint vector.
   */
  readonly image?: string;
}

export interface EmbedResult {
  /** One vector per input text, in input order. */
  readonly embeddings: readonly (readonly number[])[];
  /** Undefined when the body does not say (Cohere): read the token-count header instead. */
  readonly inputTokens: number | undefined;
}

export interface ImageRequest {
  readonly prompt: string;
  readonly negativePrompt?: string;
  readonly width?: number;
  readonly height?: number;
  readonly seed?: number;
  /** Number of images (1–5 where the family allows more than one). */
  readonly count?: number;
  readonly cfgScale?: number;
  /** Encoding of the returned images; PNG unless the family offers others (SD3/Stable Image: `jpeg`). */
  readonly outputFormat?: ImageFormat;
}

export interface ImageResult {
  /** Base64 PNG (or the requested format) per image. */
  readonly images: readonly string[];
  readonly seeds: readonly (number | undefined)[];
}
