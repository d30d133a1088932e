import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import {
  cohereCommandRFixtures,
  cohereStreamEnd,
  cohereStreamStart,
  commandRPlusModel,
  GENERATION_ID,
} from './__fixtures__/cohere-command-r-fixtures.js';
import { cohereCommandRCodec } from './cohere-command-r-codec.js';

defineChatCodecSuite(cohereCommandRCodec, cohereCommandRFixtures);

const TOOLS = [
  { name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } },
];

describe('cohereCommandRCodec', () => {
  it('round-trips a tool call: decoded call ids address the results of the next request', () => {
    const first: ChatRequest = {
      messages: [{ role: 'user', content: 'Weather in Oslo and Rome?' }],
      tools: TOOLS,
    };
    const result = cohereCommandRCodec.decodeResponse({
      text: '',
      generation_id: 'gen-7',
      finish_reason: 'COMPLETE',
      tool_calls: [
        { name: 'get_weather', parameters: { city: 'Oslo' } },
        { name: 'get_weather', parameters: { city: 'Rome' } },
      ],
    });
    const next: ChatRequest = {
      ...first,
      messages: [
        ...first.messages,
        {
          role: 'assistant',
          content: result.toolCalls.map((call) => ({ type: 'tool-use' as const, ...call })),
        },
        {
          role: 'user',
          content: [
            // Answered out of order: results are matched by id, not position.
            { type: 'tool-result', toolUseId: 'gen-7_1', content: '25' },
            { type: 'tool-result', toolUseId: 'gen-7_0', content: '-3' },
          ],
        },
      ],
    };
    cohereCommandRCodec.validate(commandRPlusModel, next);
    expect(cohereCommandRCodec.encodeRequest(next)['tool_results']).toEqual([
      { call: { name: 'get_weather', parameters: { city: 'Rome' } }, outputs: [{ text: '25' }] },
      { call: { name: 'get_weather', parameters: { city: 'Oslo' } }, outputs: [{ text: '-3' }] },
    ]);
  });

  it('sends the last user text as message alongside its tool results', () => {
    const body = cohereCommandRCodec.encodeRequest({
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: [{ type: 'tool-use', toolUseId: 'g_0', name: 'get_weather', input: { city: 'Oslo' } }],
        },
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolUseId: 'g_0', content: '-3' },
            { type: 'text', text: 'In Celsius.' },
          ],
        },
      ],
      tools: TOOLS,
    });
    expect(body['message']).toBe('In Celsius.');
    expect(body['tool_results']).toHaveLength(1);
  });

  it('allows tool calls left unanswered, which Cohere accepts', () => {
    expect(() => {
      cohereCommandRCodec.validate(commandRPlusModel, {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-use', toolUseId: 'g_0', name: 'get_weather', input: {} }],
          },
          { role: 'user', content: 'Never mind, tell a joke.' },
        ],
        tools: TOOLS,
      });
    }).not.toThrow();
  });

  it('accepts toolChoice auto and sends nothing for it', () => {
    const request: ChatRequest = {
      messages: [{ role: 'user', content: 'Hi' }],
      tools: TOOLS,
      toolChoice: { type: 'auto' },
    };
    cohereCommandRCodec.validate(commandRPlusModel, request);
    expect(Object.keys(cohereCommandRCodec.encodeRequest(request))).toEqual(['message', 'tools']);
  });

  it('refuses tool-use parts in a user message', () => {
    const error = catchError(() => {
      cohereCommandRCodec.validate(commandRPlusModel, {
        messages: [{ role: 'user', content: [{ type: 'tool-use', toolUseId: 'x', name: 'f', input: {} }] }],
      });
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('only assistant messages call tools');
  });

  it('maps every documented finish_reason and keeps unknown ones raw', () => {
    const stopOf = (finish_reason: string) =>
      cohereCommandRCodec.decodeResponse({ text: '', finish_reason }).stopReason;
    expect(
      [
        'COMPLETE',
        'STOP_SEQUENCE',
        'MAX_TOKENS',
        'ERROR_LIMIT',
        'ERROR_TOXIC',
        'ERROR',
        'USER_CANCEL',
        'NEW',
      ].map(stopOf),
    ).toEqual([
      'end_turn',
      'stop_sequence',
      'max_tokens',
      'max_tokens',
      'content_filtered',
      'end_turn',
      'end_turn',
      'end_turn',
    ]);
  });

  it('names tool calls without a generation id by position', () => {
    const result = cohereCommandRCodec.decodeResponse({
      text: '',
      finish_reason: 'COMPLETE',
      tool_calls: [{ name: 'f', parameters: {} }],
    });
    expect(result.toolCalls[0]?.toolUseId).toBe('cohere_0');
  });

  describe('stream decoder', () => {
    it('gives streamed and non-streamed tool calls the same ids', () => {
      const events = decodeAll(cohereCommandRCodec, [
        cohereStreamStart,
        { event_type: 'tool-calls-generation', tool_calls: [{ name: 'f', parameters: { a: 1 } }] },
        cohereStreamEnd('COMPLETE', ''),
      ]);
      const streamed = events.find((event) => event.type === 'tool-use-delta');
      const decoded = cohereCommandRCodec.decodeResponse({
        text: '',
        generation_id: GENERATION_ID,
        finish_reason: 'COMPLETE',
        tool_calls: [{ name: 'f', parameters: { a: 1 } }],
      });
      expect(streamed).toMatchObject({
        toolUseId: decoded.toolCalls[0]?.toolUseId,
        name: 'f',
        inputJson: '{"a":1}',
      });
    });

    it('prefers token counts from the stream-end response meta over the invocation metrics', () => {
      const end = cohereStreamEnd('MAX_TOKENS', 'x');
      const events = decodeAll(cohereCommandRCodec, [
        cohereStreamStart,
        { ...end, response: { meta: { billed_units: { input_tokens: 5, output_tokens: 1 } } } },
      ]);
      expect(events.at(-1)).toMatchObject({
        stopReason: 'max_tokens',
        usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
      });
    });

    it('skips search and citation events', () => {
      const decoder = cohereCommandRCodec.createStreamDecoder({ modelId: 'm', requestId: undefined });
      decoder.push(cohereStreamStart);
      expect(decoder.push({ event_type: 'citation-generation', citations: [] })).toEqual([]);
      expect(decoder.push({ event_type: 'search-results', documents: [] })).toEqual([]);
    });

    it('throws CodecError on a known event with a broken shape', () => {
      const decoder = cohereCommandRCodec.createStreamDecoder({ modelId: 'm', requestId: undefined });
      expect(catchError(() => decoder.push({ event_type: 'text-generation', text: 3 }))).toBeInstanceOf(
        CodecError,
      );
      expect(catchError(() => decoder.push({ event_type: 'stream-end' }))).toBeInstanceOf(CodecError);
    });
  });
});
