import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import { ai21JambaFixtures, jamba15MiniModel } from './__fixtures__/ai21-jamba-fixtures.js';
import { ai21JambaCodec } from './ai21-jamba-codec.js';

defineChatCodecSuite(ai21JambaCodec, ai21JambaFixtures);

const context = { modelId: 'ai21.jamba-1-5-mini-v1:0', requestId: 'r-2' };

describe('ai21JambaCodec', () => {
  it('refuses images even when the catalog entry lists IMAGE', () => {
    const model = { ...jamba15MiniModel, inputModalities: ['TEXT', 'IMAGE'] as const };
    const error = catchError(() => {
      ai21JambaCodec.validate(model, {
        messages: [{ role: 'user', content: [{ type: 'image', format: 'png', data: 'AAAA' }] }],
      });
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('(AI21 Jamba) reads text only');
  });

  it('accepts toolChoice auto, which needs no native field', () => {
    const request = {
      messages: [{ role: 'user' as const, content: 'Hi' }],
      tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
      toolChoice: { type: 'auto' as const },
    };
    expect(() => {
      ai21JambaCodec.validate(jamba15MiniModel, request);
    }).not.toThrow();
    expect(ai21JambaCodec.encodeRequest(request)).not.toHaveProperty('tool_choice');
  });

  it('names the tool call whose arguments are not JSON', () => {
    const error = catchError(() =>
      ai21JambaCodec.decodeResponse({
        choices: [
          {
            message: { tool_calls: [{ id: 'call_1', function: { name: 'a', arguments: '{"x":' } }] },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
    );
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('tool_calls.0.function.arguments: not valid JSON');
  });

  describe('stream decoder', () => {
    it('gives parallel tool calls their own block indexes and stringifies object arguments', () => {
      const events = decodeAll(ai21JambaCodec, [
        {
          choices: [
            {
              delta: {
                tool_calls: [
                  { index: 0, id: 'call_a', function: { name: 'get_weather', arguments: { city: 'Paris' } } },
                  { index: 1, id: 'call_b', function: { name: 'get_time', arguments: '{}' } },
                ],
              },
              finish_reason: 'tool_calls',
            },
          ],
        },
      ]);
      expect(events.filter((event) => event.type === 'tool-use-delta')).toEqual([
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'call_a',
          name: 'get_weather',
          inputJson: '{"city":"Paris"}',
        },
        { type: 'tool-use-delta', index: 2, toolUseId: 'call_b', name: 'get_time', inputJson: '{}' },
      ]);
    });

    it('skips chunks without choices', () => {
      const decoder = ai21JambaCodec.createStreamDecoder(context);
      decoder.push({ choices: [{ delta: { role: 'assistant' } }] });
      expect(decoder.push({ meta: { requestDurationMillis: 12 } })).toEqual([]);
    });

    it.each([
      ['choices that are not an array', { choices: { delta: { content: 'x' } } }],
      ['content that is not a string', { choices: [{ delta: { content: 3 } }] }],
      [
        'a tool call starting without an id',
        { choices: [{ delta: { tool_calls: [{ index: 0, function: { name: 'a' } }] } }] },
      ],
      [
        'a tool call starting without a name',
        { choices: [{ delta: { tool_calls: [{ index: 0, id: 'call_1' }] } }] },
      ],
      ['usage with a fractional token count', { choices: [], usage: { prompt_tokens: 1.5 } }],
    ])('throws CodecError on %s', (_name, chunk) => {
      const decoder = ai21JambaCodec.createStreamDecoder(context);
      const error = catchError(() => decoder.push(chunk));
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).message).toContain('AI21 Jamba stream chunk');
    });
  });
});

describe('ai21JambaCodec stream usage', () => {
  it('takes usage from a chunk that follows the finish_reason chunk', () => {
    const events = decodeAll(ai21JambaCodec, [
      { choices: [{ index: 0, delta: { role: 'assistant' } }] },
      { choices: [{ index: 0, delta: { content: 'Hi' } }] },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      {
        choices: [],
        usage: { prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 },
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 7,
          outputTokenCount: 1,
          invocationLatencyMs: 5,
          invocationLatency: 5,
          firstByteLatency: 2,
        },
      },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'stream-end',
      rawStopReason: 'stop',
      usage: { inputTokens: 7, outputTokens: 1 },
    });
    expect(events.filter((event) => event.type === 'stream-end')).toHaveLength(1);
  });
});
