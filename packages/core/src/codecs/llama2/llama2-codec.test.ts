import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/quarry-error.js';
import { catchError, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import { llama2Fixtures, llama2Model } from './__fixtures__/llama2-fixtures.js';
import { llama2Codec } from './llama2-codec.js';

defineChatCodecSuite(llama2Codec, llama2Fixtures);

describe('llama2Codec', () => {
  it('puts the system prompt in the first instruction only and closes every answered turn', () => {
    const request = {
      system: 'S',
      messages: [
        { role: 'user', content: 'u1' },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'u2' },
        { role: 'assistant', content: 'a2' },
        { role: 'user', content: 'u3' },
      ],
    } as const;
    llama2Codec.validate(llama2Model, request);
    expect(llama2Codec.encodeRequest(request)['prompt']).toBe(
      '<s>[INST] <<SYS>>\nS\n<</SYS>>\n\nu1 [/INST] a1 </s><s>[INST] u2 [/INST] a2 </s><s>[INST] u3 [/INST]',
    );
  });

  it('accepts Llama 3 tokens in text, which mean nothing to Llama 2', () => {
    expect(() => {
      llama2Codec.validate(llama2Model, { messages: [{ role: 'user', content: 'What is <|eot_id|>?' }] });
    }).not.toThrow();
  });

  it('refuses images whatever the catalog says, since the template has no image slot', () => {
    const error = catchError(() => {
      llama2Codec.validate(
        { ...llama2Model, inputModalities: ['TEXT', 'IMAGE'] },
        { messages: [{ role: 'user', content: [{ type: 'image', format: 'jpeg', data: '/9j/' }] }] },
      );
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('which Llama 2 cannot send');
  });

  it('is the llama2 family and shares the Llama body', () => {
    expect(llama2Codec.family).toBe('llama2');
    expect(llama2Codec.encodeRequest({ messages: [{ role: 'user', content: 'x' }], maxTokens: 9 })).toEqual({
      prompt: '<s>[INST] x [/INST]',
      max_gen_len: 9,
    });
  });
});
