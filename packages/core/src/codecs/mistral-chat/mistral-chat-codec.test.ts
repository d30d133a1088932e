import { describe, expect, it } from 'vitest';
import { CodecError } from '../../errors/quarry-error.js';
import {
  catchError,
  decodeAll,
  defineChatCodecSuite,
  STREAM_START,
} from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import {
  mistralChatChunk,
  mistralChatFinalChunk,
  mistralChatFixtures,
  mistralLarge2407Model,
  pixtralLargeModel,
} from './__fixtures__/mistral-chat-fixtures.js';
import { mistralChatCodec } from './mistral-chat-codec.js';
import { toMistralToolCallId } from './mistral-tool-call-id.js';

defineChatCodecSuite(mistralChatCodec, mistralChatFixtures);

const TOOLS = [
  { name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } },
];

describe('mistralChatCodec', () => {
  it('round-trips a tool call: decoded call, then its result in the next request', () => {
    const first: ChatRequest = { messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools: TOOLS };
    const result = mistralChatCodec.decodeResponse({
      choices: [
        {
          message: {
            content: 'Checking.',
            tool_calls: [
              { id: 'k3Jd9sLq0', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
            ],
          },
          stop_reason: 'tool_calls',
        },
      ],
    });
    const [call] = result.toolCalls;
    expect(call).toEqual({ toolUseId: 'k3Jd9sLq0', name: 'get_weather', input: { city: 'Oslo' } });
    const next: ChatRequest = {
      ...first,
      messages: [
        ...first.messages,
        {
          role: 'assistant',
          content: [
            { type: 'text', text: result.text },
            { type: 'tool-use', ...call! },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool-result', toolUseId: call!.toolUseId, content: '-3' },
            { type: 'text', text: 'Thanks' },
          ],
        },
      ],
    };
    mistralChatCodec.validate(mistralLarge2407Model, next);
    expect(mistralChatCodec.encodeRequest(next)['messages']).toEqual([
      { role: 'user', content: 'Weather in Oslo?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [{ id: 'k3Jd9sLq0', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      },
      { role: 'tool', tool_call_id: 'k3Jd9sLq0', content: '-3' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('replaces tool ids from other families by one stable 9-character id on both sides', () => {
    const foreign = 'toolu_01A09q90qw90lq917835lq9';
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: [{ type: 'tool-use', toolUseId: foreign, name: 'get_weather', input: { city: 'Rome' } }],
        },
        { role: 'user', content: [{ type: 'tool-result', toolUseId: foreign, content: '25' }] },
      ],
      tools: TOOLS,
    };
    mistralChatCodec.validate(mistralLarge2407Model, request);
    const messages = mistralChatCodec.encodeRequest(request)['messages'] as {
      tool_calls?: { id: string }[];
      tool_call_id?: string;
    }[];
    const id = messages[1]?.tool_calls?.[0]?.id;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(messages[2]?.tool_call_id).toBe(id);
    expect(toMistralToolCallId(foreign)).toBe(id);
    expect(toMistralToolCallId('tooluse_other')).not.toBe(id);
  });

  it('sends images as image_url data URLs in part order on Pixtral', () => {
    const request: ChatRequest = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image', format: 'jpeg', data: '/9j/4AAQ' },
          ],
        },
      ],
    };
    mistralChatCodec.validate(pixtralLargeModel, request);
    expect(mistralChatCodec.encodeRequest(request)['messages']).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe' },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } },
        ],
      },
    ]);
  });

  it('omits tool_choice when no tools are sent', () => {
    const body = mistralChatCodec.encodeRequest({
      messages: [{ role: 'user', content: 'Hi' }],
      toolChoice: { type: 'any' },
    });
    expect(body).toEqual({ messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('prefers the documented stop_reason over finish_reason when both are present', () => {
    const result = mistralChatCodec.decodeResponse({
      choices: [{ message: { content: 'x' }, stop_reason: 'length', finish_reason: 'stop' }],
    });
    expect(result.rawStopReason).toBe('length');
  });

  it('reads content given as typed chunks and arguments given as an object', () => {
    const result = mistralChatCodec.decodeResponse({
      choices: [
        {
          message: {
            content: [
              { type: 'text', text: 'A' },
              { type: 'reference', ids: [1] },
              { type: 'text', text: 'B' },
            ],
            tool_calls: [{ id: 'abc123xyz', function: { name: 'f', arguments: { a: 1 } } }],
          },
          finish_reason: 'stop',
        },
      ],
    });
    expect(result.text).toBe('AB');
    expect(result.toolCalls).toEqual([{ toolUseId: 'abc123xyz', name: 'f', input: { a: 1 } }]);
    // Mistral said `stop`, but the turn called a tool.
    expect(result.stopReason).toBe('tool_use');
  });

  describe('stream decoder', () => {
    it('concatenates fragmented tool arguments under the first fragment id and name', () => {
      const events = decodeAll(mistralChatCodec, [
        mistralChatChunk({ content: 'Let me check. ' }),
        mistralChatChunk({
          tool_calls: [{ index: 0, id: 'abc123xyz', function: { name: 'get_weather', arguments: '' } }],
        }),
        mistralChatChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        mistralChatChunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
        mistralChatChunk({
          tool_calls: [{ index: 1, id: 'def456uvw', function: { name: 'get_time', arguments: '{}' } }],
        }),
        mistralChatFinalChunk('tool_calls', { prompt_tokens: 40, completion_tokens: 12 }),
      ]);
      expect(events.slice(1, -1)).toEqual([
        { type: 'text-delta', index: 0, text: 'Let me check. ' },
        { type: 'tool-use-delta', index: 1, toolUseId: 'abc123xyz', name: 'get_weather', inputJson: '' },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'abc123xyz',
          name: 'get_weather',
          inputJson: '{"city":',
        },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'abc123xyz',
          name: 'get_weather',
          inputJson: '"Oslo"}',
        },
        { type: 'tool-use-delta', index: 2, toolUseId: 'def456uvw', name: 'get_time', inputJson: '{}' },
      ]);
      expect(events.at(-1)).toMatchObject({
        stopReason: 'tool_use',
        usage: { inputTokens: 40, outputTokens: 12, totalTokens: 52 },
      });
    });

    it('reads choices that carry message instead of delta', () => {
      const events = decodeAll(mistralChatCodec, [
        { choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, stop_reason: null }] },
        {
          choices: [{ index: 0, message: { content: '' }, stop_reason: 'stop' }],
          'amazon-bedrock-invocationMetrics': { invocationLatency: 90 },
        },
      ]);
      expect(events).toEqual([
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Hi' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
          metrics: { invocationLatencyMs: 90, firstByteLatencyMs: undefined },
        },
      ]);
    });

    it('reads a stop as tool_use once the stream called a tool', () => {
      const events = decodeAll(mistralChatCodec, [
        mistralChatChunk({ tool_calls: [{ id: 'abc123xyz', function: { name: 'f', arguments: '{}' } }] }),
        mistralChatFinalChunk('stop'),
      ]);
      expect(events.at(-1)).toMatchObject({ stopReason: 'tool_use', rawStopReason: 'stop' });
    });

    it('throws CodecError on a chat chunk with a broken shape', () => {
      const decoder = mistralChatCodec.createStreamDecoder({ modelId: 'm', requestId: undefined });
      expect(catchError(() => decoder.push({ choices: [{ delta: { content: 5 } }] }))).toBeInstanceOf(
        CodecError,
      );
      expect(catchError(() => decoder.push({ choices: 'none' }))).toBeInstanceOf(CodecError);
    });
  });
});

describe('toMistralToolCallId', () => {
  it('keeps ids that already are nine alphanumerics', () => {
    expect(toMistralToolCallId('abc123xyz')).toBe('abc123xyz');
  });

  it('maps other ids deterministically to nine alphanumerics', () => {
    for (const id of ['', 'a', 'call_0', 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', 'é🙂']) {
      expect(toMistralToolCallId(id)).toMatch(/^[a-z0-9]{9}$/);
      expect(toMistralToolCallId(id)).toBe(toMistralToolCallId(id));
    }
  });
});
