import { describe, expect, it } from 'vitest';
import { CodecError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import {
  anthropicMessagesFixtures,
  anthropicMessagesStreamOf,
  claude3HaikuModel,
} from './__fixtures__/anthropic-messages-fixtures.js';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, anthropicMessagesCodec } from './anthropic-messages-codec.js';

defineChatCodecSuite(anthropicMessagesCodec, anthropicMessagesFixtures);

const context = { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', requestId: 'r-7' };

describe('anthropicMessagesCodec', () => {
  it('sends the documented default max_tokens when maxTokens is undefined', () => {
    const body = anthropicMessagesCodec.encodeRequest({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(body['max_tokens']).toBe(ANTHROPIC_DEFAULT_MAX_TOKENS);
    expect(ANTHROPIC_DEFAULT_MAX_TOKENS).toBeLessThanOrEqual(claude3HaikuModel.maxOutputTokens ?? 0);
  });

  it('maps every image format to its media type', () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
      const request: ChatRequest = {
        messages: [{ role: 'user', content: [{ type: 'image', format, data: 'AAAA' }] }],
      };
      anthropicMessagesCodec.validate(claude3HaikuModel, request);
      expect(JSON.stringify(anthropicMessagesCodec.encodeRequest(request))).toContain(
        `"media_type":"image/${format}"`,
      );
    }
  });

  it('names the family and the offending path when a response is unreadable', () => {
    const error = catchError(() =>
      anthropicMessagesCodec.decodeResponse({
        content: [
          { type: 'text', text: 'ok' },
          { type: 'tool_use', name: 'get_weather', input: {} },
        ],
        stop_reason: 'tool_use',
        usage: { input_tokens: 1, output_tokens: 1 },
      }),
    );
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('Anthropic Messages response content[1]');
    expect((error as CodecError).message).toContain('id:');
  });

  describe('stream decoder', () => {
    it('echoes the stream context in stream-start', () => {
      const decoder = anthropicMessagesCodec.createStreamDecoder(context);
      expect(decoder.push(anthropicMessagesStreamOf(['x'])[0])).toEqual([
        { type: 'stream-start', modelId: context.modelId, requestId: 'r-7' },
      ]);
    });

    it('emits stream-end once and ignores chunks after it', () => {
      const decoder = anthropicMessagesCodec.createStreamDecoder(context);
      const events = anthropicMessagesStreamOf(['a', 'b']).flatMap((chunk) => decoder.push(chunk));
      expect(events.filter((event) => event.type === 'stream-end')).toHaveLength(1);
      expect(
        decoder.push({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'late' } }),
      ).toEqual([]);
      expect(decoder.finish()).toEqual([]);
    });

    it('keeps state per decoder', () => {
      const first = anthropicMessagesCodec.createStreamDecoder(context);
      const second = anthropicMessagesCodec.createStreamDecoder(context);
      first.push({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_1', name: 'a' },
      });
      second.push({ type: 'message_start', message: {} });
      expect(() =>
        second.push({
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'input_json_delta', partial_json: '{' },
        }),
      ).toThrow(CodecError);
    });

    it('ends an empty stream with stream-start and stream-end from finish()', () => {
      const decoder = anthropicMessagesCodec.createStreamDecoder(context);
      expect(decoder.finish()).toEqual([
        { type: 'stream-start', modelId: context.modelId, requestId: 'r-7' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'end_turn',
          usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
          metrics: undefined,
        },
      ]);
    });

    it('throws CodecError on an input_json_delta for a block no tool_use opened', () => {
      const chunks = [
        anthropicMessagesStreamOf([])[0],
        { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{' } },
      ];
      expect(catchError(() => decodeAll(anthropicMessagesCodec, chunks))).toBeInstanceOf(CodecError);
    });

    it.each([
      [
        'a content_block_delta without index',
        { type: 'content_block_delta', delta: { type: 'text_delta', text: 'x' } },
      ],
      ['a text_delta without text', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta' } }],
      // Text deltas skip the schemas when well formed; these must still reach them and fail.
      [
        'a text_delta with a numeric text',
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 7 } },
      ],
      [
        'a text_delta with a negative index',
        { type: 'content_block_delta', index: -1, delta: { type: 'text_delta', text: 'x' } },
      ],
      [
        'a text_delta with a fractional index',
        { type: 'content_block_delta', index: 0.5, delta: { type: 'text_delta', text: 'x' } },
      ],
      ['a content_block_delta whose delta is null', { type: 'content_block_delta', index: 0, delta: null }],
      [
        'a tool_use start without id',
        { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', name: 'a' } },
      ],
      ['a message_delta with a numeric stop_reason', { type: 'message_delta', delta: { stop_reason: 1 } }],
      [
        'invocation metrics that are not an object',
        { type: 'message_stop', 'amazon-bedrock-invocationMetrics': 'x' },
      ],
      ['a chunk that is not an object', 'message_stop'],
    ])('throws CodecError on %s', (_name, chunk) => {
      const decoder = anthropicMessagesCodec.createStreamDecoder(context);
      const error = catchError(() => decoder.push(chunk));
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).message).toContain('Anthropic Messages stream chunk');
    });

    it('throws an in-band error chunk as CodecError carrying its type and message', () => {
      const decoder = anthropicMessagesCodec.createStreamDecoder(context);
      const error = catchError(() =>
        decoder.push({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
      );
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).message).toBe(
        'Anthropic Messages stream failed: overloaded_error: Overloaded',
      );
    });
  });
});
