import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import {
  MISTRAL_TEXT_METRICS,
  mistralLarge2402Model,
  mistralTextFixtures,
} from './__fixtures__/mistral-text-fixtures.js';
import { mistralTextCodec } from './mistral-text-codec.js';

defineChatCodecSuite(mistralTextCodec, mistralTextFixtures);

const context = { modelId: 'mistral.mistral-large-2402-v1:0', requestId: undefined };

describe('mistralTextCodec', () => {
  it('renders each answered turn closed with </s> and joins text parts', () => {
    const request = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'u1a ' },
            { type: 'text', text: 'u1b' },
          ],
        },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'u2' },
        { role: 'assistant', content: 'a2' },
        { role: 'user', content: 'u3' },
      ],
    } as const;
    mistralTextCodec.validate(mistralLarge2402Model, request);
    expect(mistralTextCodec.encodeRequest(request)['prompt']).toBe(
      '<s>[INST] u1a u1b [/INST] a1</s>[INST] u2 [/INST] a2</s>[INST] u3 [/INST]',
    );
  });

  it('refuses a system prompt on a model without one and says where to put it', () => {
    const error = catchError(() => {
      mistralTextCodec.validate(
        { ...mistralLarge2402Model, systemPrompt: false },
        {
          system: 'Be nice.',
          messages: [{ role: 'user', content: 'Hi' }],
        },
      );
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('system');
    expect((error as ValidationError).message).toContain('first user message');
  });

  it('refuses tool parts even when a catalog entry claims tool support', () => {
    const error = catchError(() => {
      mistralTextCodec.validate(
        { ...mistralLarge2402Model, toolUse: true },
        {
          messages: [
            { role: 'user', content: 'Weather?' },
            {
              role: 'assistant',
              content: [{ type: 'tool-use', toolUseId: 'abc123xyz', name: 'weather', input: {} }],
            },
            { role: 'user', content: 'Thanks' },
          ],
        },
      );
    });
    expect((error as ValidationError).field).toBe('messages[1].content[0]');
    expect((error as ValidationError).message).toContain('Mistral text cannot send');
  });

  it('accepts exactly 10 stop sequences', () => {
    const stopSequences = Array.from({ length: 10 }, (_, index) => `#${index}`);
    expect(() => {
      mistralTextCodec.validate(mistralLarge2402Model, {
        messages: [{ role: 'user', content: 'Hi' }],
        stopSequences,
      });
    }).not.toThrow();
  });

  it('maps model_length to max_tokens and keeps unknown stop reasons raw', () => {
    const full = mistralTextCodec.decodeResponse({ outputs: [{ text: 'x', stop_reason: 'model_length' }] });
    expect(full.stopReason).toBe('max_tokens');
    const odd = mistralTextCodec.decodeResponse({ outputs: [{ text: 'x', stop_reason: 'abort' }] });
    expect([odd.stopReason, odd.rawStopReason]).toEqual(['end_turn', 'abort']);
  });

  describe('stream decoder', () => {
    it('ends from finish() with zero usage when Bedrock sends no metrics', () => {
      const decoder = mistralTextCodec.createStreamDecoder(context);
      decoder.push({ outputs: [{ text: 'Hi', stop_reason: 'stop' }] });
      expect(decoder.finish()).toEqual([
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
          metrics: undefined,
        },
      ]);
    });

    it('takes usage and metrics from a metrics-only last chunk', () => {
      const events = decodeAll(mistralTextCodec, [
        { outputs: [{ text: 'Hi', stop_reason: 'stop' }] },
        { 'amazon-bedrock-invocationMetrics': MISTRAL_TEXT_METRICS },
      ]);
      expect(events.at(-1)).toMatchObject({
        rawStopReason: 'stop',
        usage: { inputTokens: 14, outputTokens: 6 },
      });
    });

    it('throws CodecError on a text-format chunk with a broken shape', () => {
      const decoder = mistralTextCodec.createStreamDecoder(context);
      expect(catchError(() => decoder.push({ outputs: [{ text: null }] }))).toBeInstanceOf(CodecError);
    });
  });
});
