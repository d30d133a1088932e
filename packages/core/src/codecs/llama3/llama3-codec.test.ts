import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import { LLAMA_METRICS } from '../../codec-kit/llama/__fixtures__/llama-chunks.js';
import { llama32VisionModel, llama3Fixtures, llama3Model } from './__fixtures__/llama3-fixtures.js';
import { llama3Codec } from './llama3-codec.js';

defineChatCodecSuite(llama3Codec, llama3Fixtures);

const context = { modelId: 'meta.llama3-8b-instruct-v1:0', requestId: 'req-9' };

function promptOf(request: ChatRequest): unknown {
  llama3Codec.validate(llama3Model, request);
  return llama3Codec.encodeRequest(request)['prompt'];
}

describe('llama3Codec', () => {
  it('renders a multi-turn conversation with a system prompt turn by turn', () => {
    const prompt = promptOf({
      system: 'You are terse.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Tell ' },
            { type: 'text', text: 'a joke.' },
          ],
        },
      ],
    });
    expect(prompt).toBe(
      '<|begin_of_text|>' +
        '<|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>' +
        '<|start_header_id|>assistant<|end_header_id|>\n\nHello.<|eot_id|>' +
        '<|start_header_id|>user<|end_header_id|>\n\nTell a joke.<|eot_id|>' +
        '<|start_header_id|>assistant<|end_header_id|>\n\n',
    );
  });

  it('omits the system turn when the system prompt is empty', () => {
    expect(promptOf({ system: '', messages: [{ role: 'user', content: 'Hi' }] })).toBe(
      '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n',
    );
  });

  it('sends only the prompt when no option is set', () => {
    expect(Object.keys(llama3Codec.encodeRequest({ messages: [{ role: 'user', content: 'Hi' }] }))).toEqual([
      'prompt',
    ]);
  });

  it('places <|image|> where each image part is and sends the images in order', () => {
    const request: ChatRequest = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', format: 'png', data: 'AAAA' },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
      maxTokens: 100,
    };
    llama3Codec.validate(llama32VisionModel, request);
    expect(JSON.stringify(llama3Codec.encodeRequest(request))).toBe(
      '{"prompt":"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\n<|image|>What is this?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n","images":["AAAA"],"max_gen_len":100}',
    );
  });

  it('refuses <|image|> typed into text, which would desynchronise the images', () => {
    const error = catchError(() => {
      llama3Codec.validate(llama32VisionModel, { messages: [{ role: 'user', content: 'look <|image|>' }] });
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('messages[0].content[0]');
  });

  it('refuses tools even when a catalog entry claims tool support', () => {
    const error = catchError(() => {
      llama3Codec.validate(
        { ...llama3Model, toolUse: true },
        { messages: [{ role: 'user', content: 'Hi' }], tools: [{ name: 'f', inputSchema: {} }] },
      );
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('Llama 3 has no tool-use fields');
  });

  it('refuses tool-result parts even when a catalog entry claims tool support', () => {
    const error = catchError(() => {
      llama3Codec.validate(
        { ...llama3Model, toolUse: true },
        { messages: [{ role: 'user', content: [{ type: 'tool-result', toolUseId: 't1', content: '{}' }] }] },
      );
    });
    expect((error as ValidationError).field).toBe('messages[0].content[0]');
  });

  it('allows an empty stopSequences list', () => {
    expect(() => {
      llama3Codec.validate(llama3Model, { messages: [{ role: 'user', content: 'Hi' }], stopSequences: [] });
    }).not.toThrow();
  });

  describe('stream decoder', () => {
    it('falls back to the invocation metrics when chunks carry no token counts', () => {
      const events = decodeAll(llama3Codec, [
        { generation: 'Hi', stop_reason: null },
        { generation: '', stop_reason: 'stop', 'amazon-bedrock-invocationMetrics': LLAMA_METRICS },
      ]);
      expect(events.at(-1)).toEqual({
        type: 'stream-end',
        stopReason: 'end_turn',
        rawStopReason: 'stop',
        usage: { inputTokens: 22, outputTokens: 3, totalTokens: 25 },
        metrics: { invocationLatencyMs: 412, firstByteLatencyMs: 187 },
      });
    });

    it('ends from finish() with undefined metrics when no chunk carries them', () => {
      const decoder = llama3Codec.createStreamDecoder(context);
      expect(
        decoder.push({
          generation: 'Hi',
          prompt_token_count: 5,
          generation_token_count: 1,
          stop_reason: 'stop',
        }),
      ).toEqual([
        { type: 'stream-start', modelId: 'meta.llama3-8b-instruct-v1:0', requestId: 'req-9' },
        { type: 'text-delta', index: 0, text: 'Hi' },
      ]);
      expect(decoder.finish()).toEqual([
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
          metrics: undefined,
        },
      ]);
      expect(decoder.finish()).toEqual([]);
    });

    it('emits stream-end once and ignores chunks after it', () => {
      const decoder = llama3Codec.createStreamDecoder(context);
      decoder.push({
        generation: '',
        stop_reason: 'stop',
        'amazon-bedrock-invocationMetrics': LLAMA_METRICS,
      });
      expect(decoder.push({ generation: 'late', stop_reason: null })).toEqual([]);
      expect(decoder.finish()).toEqual([]);
    });

    it('emits stream-start and stream-end from finish() on an empty stream', () => {
      expect(
        llama3Codec
          .createStreamDecoder(context)
          .finish()
          .map((event) => event.type),
      ).toEqual(['stream-start', 'stream-end']);
    });

    it('throws CodecError on a Llama chunk with a broken shape', () => {
      const decoder = llama3Codec.createStreamDecoder(context);
      expect(catchError(() => decoder.push({ generation: 7, stop_reason: null }))).toBeInstanceOf(CodecError);
    });

    it('throws CodecError on malformed invocation metrics', () => {
      const decoder = llama3Codec.createStreamDecoder(context);
      const chunk = {
        generation: '',
        stop_reason: 'stop',
        'amazon-bedrock-invocationMetrics': { inputTokenCount: 'x' },
      };
      expect(catchError(() => decoder.push(chunk))).toBeInstanceOf(CodecError);
    });
  });
});
