import { describe, expect, it } from 'vitest';
import { MODEL_DATA } from '../catalog/model-data.js';
import { ValidationError } from '../errors/quarry-error.js';
import type { ChatRequest } from './chat-types.js';
import { validateChatRequest } from './validate-chat-request.js';

const haiku = MODEL_DATA.find((model) => model.modelId === 'anthropic.claude-3-haiku-20240307-v1:0');
if (haiku === undefined) throw new Error('catalog lost Claude 3 Haiku');

function refusal(request: unknown): ValidationError {
  try {
    validateChatRequest(haiku!, request as ChatRequest);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const image = (data: string, format = 'png') => ({
  messages: [{ role: 'user', content: [{ type: 'image', format, data }] }],
});

describe('validateChatRequest', () => {
  it('accepts a valid image', () => {
    expect(() => {
      validateChatRequest(haiku, image('iVBORw0KGgo=') as ChatRequest);
    }).not.toThrow();
  });

  it('refuses image data that is not standard base64', () => {
    expect(refusal(image('!!!notbase64$$'))).toMatchObject({ field: 'messages[0].content[0].data' });
    expect(refusal(image('data:image/png;base64,iVBORw0KGgo=')).message).toContain('no data: URL prefix');
  });

  it('refuses images over Bedrock’s 3.75 MB limit, naming the size', () => {
    const error = refusal(image('A'.repeat(5_300_000)));
    expect(error.message).toContain('3932160');
  });

  it('refuses unknown image formats and part types from untyped callers', () => {
    expect(refusal(image('iVBORw0KGgo=', 'bmp'))).toMatchObject({ field: 'messages[0].content[0].format' });
    expect(refusal({ messages: [{ role: 'user', content: [{ type: 'video', data: 'x' }] }] })).toMatchObject({
      field: 'messages[0].content[0].type',
    });
  });

  it('refuses a request without a messages array or with malformed turns', () => {
    expect(refusal({})).toMatchObject({ field: 'messages' });
    expect(refusal({ messages: [null] })).toMatchObject({ field: 'messages[0].content' });
    expect(refusal({ messages: [{ role: 'user', content: 42 }] })).toMatchObject({
      field: 'messages[0].content',
    });
  });

  it('refuses a user turn that is empty or only whitespace, whatever its shape', () => {
    for (const content of ['', '   ', ' \n\t ', [{ type: 'text', text: '  ' }]]) {
      const error = refusal({ messages: [{ role: 'user', content }] });
      expect(error).toMatchObject({ field: 'messages[0].content', code: 'BAD_USER_INPUT' });
      expect(error.message).toContain('empty or only whitespace');
    }
    // Whitespace around real text, or an image with blank text, is a prompt.
    expect(() => {
      validateChatRequest(haiku, { messages: [{ role: 'user', content: '  hi  ' }] });
    }).not.toThrow();
    expect(() => {
      validateChatRequest(haiku, {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', format: 'png', data: 'iVBORw0KGgo=' },
              { type: 'text', text: ' ' },
            ],
          },
        ],
      });
    }).not.toThrow();
  });
});
