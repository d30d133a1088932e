import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/catalog-model.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  ImageRequest,
  ImageResult,
} from '../codecs/chat-types.js';
import type { ChatCodec, EmbedCodec, ImageCodec } from '../codecs/codec.js';
import { CodecError, ValidationError } from '../errors/quarry-error.js';
import type { StreamEvent } from '../stream/stream-event.js';

/** A request and the exact JSON text its native body must serialise to (byte-for-byte golden). */
export interface RequestGolden<Request> {
  readonly name: string;
  readonly request: Request;
  readonly body: string;
}

export interface ResponseGolden<Result> {
  readonly name: string;
  readonly body: unknown;
  readonly result: Result;
}

export interface StreamGolden {
  readonly name: string;
  /** Decoded native chunks, as they arrive inside `chunk.bytes`. */
  readonly chunks: readonly unknown[];
  readonly events: readonly StreamEvent[];
}

export interface InvalidRequest<Request> {
  readonly name: string;
  readonly request: Request;
  /** The ValidationError's field. */
  readonly field: string;
  /** A fragment its message must contain (e.g. the limit it names). */
  readonly message: string;
}

export interface ChatCodecFixtures {
  /** The catalog entry validation runs against. */
  readonly model: CatalogModel;
  readonly requests: readonly RequestGolden<ChatRequest>[];
  readonly responses: readonly ResponseGolden<ChatResult>[];
  readonly streams: readonly StreamGolden[];
  readonly invalid: readonly InvalidRequest<ChatRequest>[];
  /** Bodies decodeResponse must refuse with CodecError. */
  readonly malformedResponses: readonly unknown[];
  /**
   * Builds the native chunks of a stream whose text deltas are `parts`, ending normally.
   * Drives the property that decoded deltas always re-join to the original text.
   */
  readonly streamOf: (parts: readonly string[]) => readonly unknown[];
}

const context = { modelId: 'test-model', requestId: 'req-1' } as const;

/** The behaviour every chat codec shares, run once per family. */
export function defineChatCodecSuite(codec: ChatCodec, fixtures: ChatCodecFixtures): void {
  describe(`${codec.family} chat codec (shared suite)`, () => {
    for (const golden of fixtures.requests) {
      it(`encodes ${golden.name} byte-for-byte`, () => {
        codec.validate(fixtures.model, golden.request);
        expect(JSON.stringify(codec.encodeRequest(golden.request))).toBe(golden.body);
      });
    }

    for (const golden of fixtures.responses) {
      it(`decodes response ${golden.name}`, () => {
        expect(codec.decodeResponse(golden.body)).toEqual(golden.result);
      });
    }

    for (const golden of fixtures.streams) {
      it(`decodes stream ${golden.name}`, () => {
        expect(decodeAll(codec, golden.chunks)).toEqual(golden.events);
      });
    }

    for (const invalid of fixtures.invalid) {
      it(`refuses ${invalid.name} with a ValidationError naming ${invalid.field}`, () => {
        const error = catchError(() => {
          codec.validate(fixtures.model, invalid.request);
        });
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toBe(invalid.field);
        expect((error as ValidationError).message).toContain(invalid.message);
      });
    }

    it('refuses malformed response bodies with CodecError', () => {
      for (const body of [...fixtures.malformedResponses, null, 42, 'text', []]) {
        expect(catchError(() => codec.decodeResponse(body))).toBeInstanceOf(CodecError);
      }
    });

    it('starts every stream with stream-start and ends it with exactly one stream-end', () => {
      for (const golden of fixtures.streams) {
        const events = decodeAll(codec, golden.chunks);
        expect(events[0]?.type).toBe('stream-start');
        expect(events.filter((event) => event.type === 'stream-end')).toHaveLength(1);
        expect(events.at(-1)?.type).toBe('stream-end');
      }
    });

    it('skips chunks of unknown types', () => {
      const decoder = codec.createStreamDecoder(context);
      decoder.push(fixtures.streamOf(['x'])[0]);
      expect(decoder.push({ type: 'vendor_ping', surprise: true })).toEqual([]);
    });

    it('re-joins streamed deltas into the original text (property)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
          (parts) => {
            const events = decodeAll(codec, fixtures.streamOf(parts));
            const text = events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
            expect(text).toBe(parts.join(''));
            expect(events.at(-1)?.type).toBe('stream-end');
          },
        ),
      );
    });

    it('encodes any valid text conversation deterministically into JSON (property)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 5 }),
          fc.option(fc.integer({ min: 1, max: Math.min(fixtures.model.maxOutputTokens ?? 256, 4096) }), {
            nil: undefined,
          }),
          (texts, maxTokens) => {
            const messages = texts.concat(texts.length % 2 === 0 ? ['next'] : []).map((text, index) => ({
              role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
              content: text,
            }));
            const request: ChatRequest = { messages, ...(maxTokens !== undefined && { maxTokens }) };
            codec.validate(fixtures.model, request);
            const first = JSON.stringify(codec.encodeRequest(request));
            expect(JSON.stringify(codec.encodeRequest(request))).toBe(first);
            for (const text of texts) expect(first).toContain(JSON.stringify(text).slice(1, -1));
          },
        ),
      );
    });
  });
}

export interface EmbedCodecFixtures {
  readonly model: CatalogModel;
  readonly requests: readonly RequestGolden<EmbedRequest>[];
  readonly responses: readonly ResponseGolden<EmbedResult>[];
  readonly invalid: readonly InvalidRequest<EmbedRequest>[];
  readonly malformedResponses: readonly unknown[];
}

export function defineEmbedCodecSuite(codec: EmbedCodec, fixtures: EmbedCodecFixtures): void {
  describe(`${codec.family} embed codec (shared suite)`, () => {
    for (const golden of fixtures.requests) {
      it(`encodes ${golden.name} byte-for-byte`, () => {
        codec.validate(fixtures.model, golden.request);
        expect(JSON.stringify(codec.encodeRequest(golden.request))).toBe(golden.body);
      });
    }
    for (const golden of fixtures.responses) {
      it(`decodes response ${golden.name}`, () => {
        expect(codec.decodeResponse(golden.body)).toEqual(golden.result);
      });
    }
    for (const invalid of fixtures.invalid) {
      it(`refuses ${invalid.name} with a ValidationError naming ${invalid.field}`, () => {
        const error = catchError(() => {
          codec.validate(fixtures.model, invalid.request);
        });
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toBe(invalid.field);
        expect((error as ValidationError).message).toContain(invalid.message);
      });
    }
    it('refuses malformed response bodies with CodecError', () => {
      for (const body of [...fixtures.malformedResponses, null, 42, 'text', []]) {
        expect(catchError(() => codec.decodeResponse(body))).toBeInstanceOf(CodecError);
      }
    });
  });
}

export interface ImageCodecFixtures {
  readonly model: CatalogModel;
  readonly requests: readonly RequestGolden<ImageRequest>[];
  readonly responses: readonly ResponseGolden<ImageResult>[];
  readonly invalid: readonly InvalidRequest<ImageRequest>[];
  readonly malformedResponses: readonly unknown[];
}

export function defineImageCodecSuite(codec: ImageCodec, fixtures: ImageCodecFixtures): void {
  describe(`${codec.family} image codec (shared suite)`, () => {
    for (const golden of fixtures.requests) {
      it(`encodes ${golden.name} byte-for-byte`, () => {
        codec.validate(fixtures.model, golden.request);
        expect(JSON.stringify(codec.encodeRequest(golden.request))).toBe(golden.body);
      });
    }
    for (const golden of fixtures.responses) {
      it(`decodes response ${golden.name}`, () => {
        expect(codec.decodeResponse(golden.body)).toEqual(golden.result);
      });
    }
    for (const invalid of fixtures.invalid) {
      it(`refuses ${invalid.name} with a ValidationError naming ${invalid.field}`, () => {
        const error = catchError(() => {
          codec.validate(fixtures.model, invalid.request);
        });
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toBe(invalid.field);
        expect((error as ValidationError).message).toContain(invalid.message);
      });
    }
    it('refuses malformed response bodies with CodecError', () => {
      for (const body of [...fixtures.malformedResponses, null, 42, 'text', []]) {
        expect(catchError(() => codec.decodeResponse(body))).toBeInstanceOf(CodecError);
      }
    });
  });
}

export function decodeAll(codec: ChatCodec, chunks: readonly unknown[]): StreamEvent[] {
  const decoder = codec.createStreamDecoder(context);
  const events: StreamEvent[] = [];
  for (const chunk of chunks) events.push(...decoder.push(chunk));
  events.push(...decoder.finish());
  return events;
}

export function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the call returned');
}
