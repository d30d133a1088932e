import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/catalog-model.js';
import { MODEL_DATA } from '../catalog/model-data.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  ImageRequest,
  ImageResult,
} from '../codec-kit/chat-types.js';
import type { ChatCodec, EmbedCodec, ImageCodec } from '../codec-kit/codec.js';
import { CodecError, ValidationError } from '../errors/quarry-error.js';
import type { StreamEvent } from '../stream/stream-event.js';

/**
 * The catalog entry for `modelId`: fixtures validate against the real limits rather than a copy.
 * A test that needs a different value spreads it and overrides that field explicitly.
 */
export function catalogModel(modelId: string): CatalogModel {
  const model = MODEL_DATA.find((entry) => entry.modelId === modelId);
  if (model === undefined) {
    throw new Error(`The catalog has no model ${modelId}; fix the fixture or restore the catalog entry.`);
  }
  return model;
}

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
  /** The catalog entry validation runs against; the shared invalid cases read its limits. */
  readonly model: CatalogModel;
  /** Highest temperature the family accepts (its ChatRules.maxTemperature). @default 1 */
  readonly maxTemperature?: number;
  /** Whether the family continues a final assistant message (prefill) rather than refusing it. */
  readonly allowsAssistantPrefill: boolean;
  readonly requests: readonly RequestGolden<ChatRequest>[];
  readonly responses: readonly ResponseGolden<ChatResult>[];
  readonly streams: readonly StreamGolden[];
  /** The family's own invalid requests; the ones every family shares run from the suite. */
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

/** The first event of every stream decodeAll decodes (the suite's fixed stream context). */
export const STREAM_START = { type: 'stream-start', ...context } as const;

const hi = [{ role: 'user', content: 'Hi' }] as const;

/**
 * Requests every chat family refuses the same way, through the shared validateChatRequest. Limits
 * come from the fixture's catalog model (and its declared temperature and prefill rules), so each
 * family checks its own boundary.
 */
function sharedChatInvalidRequests(fixtures: ChatCodecFixtures): InvalidRequest<ChatRequest>[] {
  const { model } = fixtures;
  const maxTemperature = fixtures.maxTemperature ?? 1;
  const cases: InvalidRequest<ChatRequest>[] = [
    {
      name: 'an empty messages list',
      request: { messages: [] },
      field: 'messages',
      message: 'messages is empty: send at least one user message',
    },
    {
      name: 'a conversation starting with the assistant',
      request: { messages: [{ role: 'assistant', content: 'Hi' }] },
      field: 'messages[0].role',
      message: 'conversations start with a user message',
    },
    {
      name: 'two user messages in a row',
      request: {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'Anyone?' },
        ],
      },
      field: 'messages[1].role',
      message: 'alternate user/assistant. Merge consecutive messages',
    },
    {
      name: 'a message without content parts',
      request: { messages: [{ role: 'user', content: [] }] },
      field: 'messages[0].content',
      message: 'messages[0] has no content',
    },
    {
      name: `a temperature above ${maxTemperature}`,
      request: { messages: hi, temperature: maxTemperature + 0.1 },
      field: 'temperature',
      message: `between 0 and ${maxTemperature}`,
    },
    {
      name: 'a negative temperature',
      request: { messages: hi, temperature: -0.1 },
      field: 'temperature',
      message: `between 0 and ${maxTemperature}`,
    },
    {
      name: 'a topP above 1',
      request: { messages: hi, topP: 1.5 },
      field: 'topP',
      message: 'between 0 and 1',
    },
    {
      name: 'maxTokens 0',
      request: { messages: hi, maxTokens: 0 },
      field: 'maxTokens',
      message: 'positive integer',
    },
  ];
  const limit = model.maxOutputTokens;
  if (limit !== null) {
    cases.push({
      name: `maxTokens ${limit + 1}, one above the model limit`,
      request: { messages: hi, maxTokens: limit + 1 },
      field: 'maxTokens',
      message: `limit of ${limit} output tokens; set maxTokens to ${limit} or less`,
    });
  }
  if (!model.inputModalities.includes('IMAGE')) {
    cases.push({
      name: 'an image on a text-only model',
      request: {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image', format: 'png', data: 'iVBORw0KGgo=' },
            ],
          },
        ],
      },
      field: 'messages[0].content[1]',
      message: 'accepts text only',
    });
  }
  if (!model.toolUse) {
    cases.push({
      name: 'tools on a model without tool use',
      request: { messages: hi, tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }] },
      field: 'tools',
      message: 'does not support tool use',
    });
  }
  if (!fixtures.allowsAssistantPrefill) {
    cases.push({
      name: 'an assistant prefill',
      request: {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hel' },
        ],
      },
      field: 'messages[1].role',
      message: 'cannot continue an assistant message: end the conversation with a user message',
    });
  }
  return cases;
}

/** Requests every embedding family refuses the same way; limits come from the catalog model. */
function sharedEmbedInvalidRequests(model: CatalogModel): InvalidRequest<EmbedRequest>[] {
  const multimodal = model.inputModalities.includes('IMAGE');
  const cases: InvalidRequest<EmbedRequest>[] = [
    {
      name: 'no texts',
      request: { texts: [] },
      field: 'texts',
      message: multimodal ? 'send a text, an image, or both' : 'send at least one text',
    },
    { name: 'an empty text', request: { texts: [''] }, field: 'texts[0]', message: 'texts[0] is empty' },
  ];
  const batch = model.maxEmbedBatch;
  if (batch !== undefined) {
    cases.push({
      name: `${batch + 1} texts, one above the batch limit`,
      request: { texts: Array.from({ length: batch + 1 }, (_, index) => `text ${index}`) },
      field: 'texts',
      message: batch === 1 ? 'one text per InvokeModel call' : `at most ${batch} texts`,
    });
  }
  const dimensions = model.embeddingDimensions ?? [];
  if (dimensions.length > 0) {
    const unsupported = Math.max(...dimensions) + 1;
    cases.push({
      name: `dimensions ${unsupported}, not among the model's`,
      request: { texts: ['a'], dimensions: unsupported },
      field: 'dimensions',
      message: `returns vectors of ${dimensions.join(', ')} dimensions (default ${String(dimensions[0])})`,
    });
  }
  if (!multimodal) {
    cases.push({
      name: 'an image on a text-only model',
      request: { texts: ['a'], image: 'iVBORw0KGgo=' },
      field: 'image',
      message:
        'embeds text only; remove image, or use a multimodal embedding model such as amazon.titan-embed-image-v1',
    });
  }
  return cases;
}

/** Requests every image family refuses the same way, through the shared validateImageRequest. */
const SHARED_IMAGE_INVALID_REQUESTS: readonly InvalidRequest<ImageRequest>[] = [
  {
    name: 'an empty prompt',
    request: { prompt: '' },
    field: 'prompt',
    message: 'prompt is empty: describe the image',
  },
  {
    name: 'a blank prompt',
    request: { prompt: '   ' },
    field: 'prompt',
    message: 'prompt is empty: describe the image',
  },
  {
    name: 'an empty negative prompt',
    request: { prompt: 'x', negativePrompt: '' },
    field: 'negativePrompt',
    message: 'omit negativePrompt',
  },
  {
    name: 'width without height',
    request: { prompt: 'x', width: 1024 },
    field: 'height',
    message: 'Give both width and height',
  },
  {
    name: 'height without width',
    request: { prompt: 'x', height: 1024 },
    field: 'width',
    message: 'Give both width and height',
  },
];

/** One `it` per invalid request: validate must throw a ValidationError naming the field and the fix. */
function refuseEach<Request>(
  codec: { validate(model: CatalogModel, request: Request): void },
  model: CatalogModel,
  invalid: readonly InvalidRequest<Request>[],
): void {
  for (const { name, request, field, message } of invalid) {
    it(`refuses ${name} with a ValidationError naming ${field}`, () => {
      const error = catchError(() => {
        codec.validate(model, request);
      });
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect((error as ValidationError).message).toContain(message);
    });
  }
}

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

    refuseEach(codec, fixtures.model, [...sharedChatInvalidRequests(fixtures), ...fixtures.invalid]);

    it('accepts maxTokens at the model limit and temperature at the family maximum', () => {
      const request: ChatRequest = {
        messages: hi,
        temperature: fixtures.maxTemperature ?? 1,
        ...(fixtures.model.maxOutputTokens !== null && { maxTokens: fixtures.model.maxOutputTokens }),
      };
      expect(() => {
        codec.validate(fixtures.model, request);
      }).not.toThrow();
    });

    if (fixtures.allowsAssistantPrefill) {
      it('accepts an assistant prefill and sends it', () => {
        const request: ChatRequest = {
          messages: [
            { role: 'user', content: 'Hi' },
            { role: 'assistant', content: 'Prefilled' },
          ],
        };
        codec.validate(fixtures.model, request);
        expect(JSON.stringify(codec.encodeRequest(request))).toContain('Prefilled');
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
          // Blank user turns are refused (validateChatRequest); they are not valid conversations.
          fc.array(
            fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''),
            { minLength: 1, maxLength: 5 },
          ),
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
  /** The family's own invalid requests; the ones every family shares run from the suite. */
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
    refuseEach(codec, fixtures.model, [...sharedEmbedInvalidRequests(fixtures.model), ...fixtures.invalid]);
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
  /** The family's own invalid requests; the ones every family shares run from the suite. */
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
    refuseEach(codec, fixtures.model, [...SHARED_IMAGE_INVALID_REQUESTS, ...fixtures.invalid]);
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
