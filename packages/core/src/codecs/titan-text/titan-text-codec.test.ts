import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../catalog/catalog-model.js';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catalogModel, catchError, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import { titanTextExpressModel, titanTextFixtures } from './__fixtures__/titan-text-fixtures.js';
import { titanTextCodec } from './titan-text-codec.js';

defineChatCodecSuite(titanTextCodec, titanTextFixtures);

/**
 * Titan Premier's entry made to (wrongly) promise more than Titan can do: images, tools and a
 * maxTokens limit above its 3,072 maxTokenCount cap. The codec's own checks must still hold.
 */
const overPromisingModel: CatalogModel = {
  ...catalogModel('amazon.titan-text-premier-v1:0'),
  inputModalities: ['TEXT', 'IMAGE'],
  toolUse: true,
  maxOutputTokens: 4096,
};

function validationErrorOf(model: CatalogModel, request: ChatRequest): ValidationError {
  const error = catchError(() => {
    titanTextCodec.validate(model, request);
  });
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('titanTextCodec', () => {
  it('refuses tools even when the catalog entry claims tool use', () => {
    const error = validationErrorOf(overPromisingModel, {
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
    });
    expect(error.field).toBe('tools');
    expect(error.message).toContain('Titan Text) has no tool use; remove tools');
  });

  it('refuses images even when the catalog entry lists IMAGE', () => {
    const error = validationErrorOf(overPromisingModel, {
      messages: [{ role: 'user', content: [{ type: 'image', format: 'png', data: 'AAAA' }] }],
    });
    expect(error.field).toBe('messages[0].content[0]');
    expect(error.message).toContain('reads text only; remove the image part');
  });

  it("enforces Titan Premier's maxTokenCount cap of 3,072 over a looser catalog limit", () => {
    const error = validationErrorOf(overPromisingModel, {
      messages: [{ role: 'user', content: 'Hi' }],
      maxTokens: 4000,
    });
    expect(error.field).toBe('maxTokens');
    expect(error.message).toContain('maxTokenCount cap of 3072; set maxTokens to 3072 or less');
    expect(() => {
      titanTextCodec.validate(overPromisingModel, {
        messages: [{ role: 'user', content: 'Hi' }],
        maxTokens: 3072,
      });
    }).not.toThrow();
  });

  it('accepts an empty tools list', () => {
    expect(() => {
      titanTextCodec.validate(titanTextExpressModel, {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [],
      });
    }).not.toThrow();
  });

  it('names the family when a response is unreadable', () => {
    const error = catchError(() => titanTextCodec.decodeResponse({ inputTextTokenCount: 1, results: [] }));
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('Unreadable Titan Text response body: results');
  });

  describe('stream decoder', () => {
    const context = { modelId: 'amazon.titan-text-express-v1', requestId: 'r-1' };

    it('skips chunks without outputText or completionReason', () => {
      const decoder = titanTextCodec.createStreamDecoder(context);
      decoder.push({ outputText: 'a', completionReason: null });
      expect(decoder.push({ index: 0, somethingNew: true })).toEqual([]);
    });

    it.each([
      ['outputText that is not a string', { outputText: 42, completionReason: null }],
      ['a negative token count', { outputText: 'a', totalOutputTextTokenCount: -3 }],
      ['a numeric completionReason', { outputText: 'a', completionReason: 1 }],
    ])('throws CodecError on %s', (_name, chunk) => {
      const decoder = titanTextCodec.createStreamDecoder(context);
      const error = catchError(() => decoder.push(chunk));
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).message).toContain('Titan Text stream chunk');
    });
  });
});
