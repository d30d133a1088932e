import type { CatalogModel } from '../catalog/catalog-model.js';
import type { ModelFamily } from '../catalog/model-family.js';
import type { StreamEvent } from '../stream/stream-event.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  ImageRequest,
  ImageResult,
} from './chat-types.js';

/** Identity of the stream a decoder reads, echoed in its `stream-start` event. */
export interface StreamContext {
  readonly modelId: string;
  readonly requestId: string | undefined;
}

/**
 * Per-stream state: codecs are shared across requests, decoders are not. `Chunk` is what one
 * push receives: a decoded native chunk (unknown JSON) for InvokeModel streams, a typed SDK event
 * for ConverseStream.
 */
export interface StreamDecoder<Chunk = unknown> {
  /**
   * One decoded native chunk in (the JSON inside a `chunk` frame's `bytes`), zero or more events out.
   * The first push yields `stream-start`. Unknown chunk types are skipped.
   * Throws CodecError on a chunk of a known type it cannot read.
   */
  push(chunk: Chunk): readonly StreamEvent[];
  /** Called once after the last chunk; returns `stream-end` if push() has not. */
  finish(): readonly StreamEvent[];
}

/** Translates Quarry's neutral chat types to and from one family's InvokeModel body. Pure: no I/O. */
export interface ChatCodec {
  readonly family: ModelFamily;
  /**
   * Throws ValidationError when the request cannot be expressed for this model
   * (tool use on a family without tools, images on a text-only model, …).
   */
  validate(model: CatalogModel, request: ChatRequest): void;
  encodeRequest(request: ChatRequest): Record<string, unknown>;
  /** Throws CodecError on a body it cannot read; never returns partial data. */
  decodeResponse(body: unknown): ChatResult;
  createStreamDecoder(context: StreamContext): StreamDecoder;
}

export interface EmbedCodec {
  readonly family: ModelFamily;
  /** Whether the body has a `normalize` switch; other families are normalised by the client when asked. */
  readonly normalizesNatively: boolean;
  validate(model: CatalogModel, request: EmbedRequest): void;
  /** Encodes up to the model's `maxEmbedBatch` texts into one body. */
  encodeRequest(request: EmbedRequest): Record<string, unknown>;
  decodeResponse(body: unknown): EmbedResult;
}

export interface ImageCodec {
  readonly family: ModelFamily;
  validate(model: CatalogModel, request: ImageRequest): void;
  encodeRequest(request: ImageRequest): Record<string, unknown>;
  decodeResponse(body: unknown): ImageResult;
}

export type Codec = ChatCodec | EmbedCodec | ImageCodec;
