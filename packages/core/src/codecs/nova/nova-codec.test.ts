import { describe, expect, it } from 'vitest';
import { CodecError } from '../../errors/quarry-error.js';
import { catchError, decodeAll, defineChatCodecSuite } from '../../testing/define-codec-suite.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import { novaFixtures, novaLiteModel, novaStreamOf } from './__fixtures__/nova-fixtures.js';
import { novaCodec } from './nova-codec.js';

defineChatCodecSuite(novaCodec, novaFixtures);

const context = { modelId: 'us.amazon.nova-lite-v1:0', requestId: undefined };

describe('novaCodec', () => {
  it('sends every image format under its own name with base64 bytes', () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
      const request: ChatRequest = {
        messages: [{ role: 'user', content: [{ type: 'image', format, data: 'AAAA' }] }],
      };
      novaCodec.validate(novaLiteModel, request);
      expect(JSON.stringify(novaCodec.encodeRequest(request))).toContain(
        `{"image":{"format":"${format}","source":{"bytes":"AAAA"}}}`,
      );
    }
  });

  it('sends tool choice only together with tools', () => {
    const body = novaCodec.encodeRequest({
      messages: [{ role: 'user', content: 'Hi' }],
      toolChoice: { type: 'any' },
    });
    expect(body).not.toHaveProperty('toolConfig');
  });

  it('names the family and the offending path when a response is unreadable', () => {
    const error = catchError(() =>
      novaCodec.decodeResponse({
        output: { message: { content: [{ text: 'ok' }, { toolUse: { toolUseId: 't', input: {} } }] } },
        stopReason: 'tool_use',
        usage: { inputTokens: 1, outputTokens: 1 },
      }),
    );
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('Amazon Nova');
    expect((error as CodecError).message).toContain('output.message.content.1.toolUse.name');
  });

  describe('stream decoder', () => {
    it('echoes an undefined request id in stream-start', () => {
      const decoder = novaCodec.createStreamDecoder(context);
      expect(decoder.push(novaStreamOf(['x'])[0])).toEqual([
        { type: 'stream-start', modelId: 'us.amazon.nova-lite-v1:0', requestId: undefined },
      ]);
    });

    it('emits nothing after the metadata chunk', () => {
      const decoder = novaCodec.createStreamDecoder(context);
      novaStreamOf(['a']).forEach((chunk) => decoder.push(chunk));
      expect(decoder.push({ contentBlockDelta: { delta: { text: 'late' }, contentBlockIndex: 0 } })).toEqual(
        [],
      );
      expect(decoder.finish()).toEqual([]);
    });

    it('throws CodecError on a toolUse delta for a block no toolUse start opened', () => {
      const chunks = [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { delta: { toolUse: { input: '{' } }, contentBlockIndex: 2 } },
      ];
      expect(catchError(() => decodeAll(novaCodec, chunks))).toBeInstanceOf(CodecError);
    });

    it.each([
      ['a contentBlockDelta without contentBlockIndex', { contentBlockDelta: { delta: { text: 'x' } } }],
      [
        'a text delta that is not a string',
        { contentBlockDelta: { delta: { text: 1 }, contentBlockIndex: 0 } },
      ],
      [
        'a toolUse start without name',
        { contentBlockStart: { start: { toolUse: { toolUseId: 't' } }, contentBlockIndex: 0 } },
      ],
      ['a messageStop without stopReason', { messageStop: {} }],
      ['metadata with a negative token count', { metadata: { usage: { inputTokens: -1 } } }],
      ['a chunk that is an array', [{ messageStart: {} }]],
    ])('throws CodecError on %s', (_name, chunk) => {
      const decoder = novaCodec.createStreamDecoder(context);
      const error = catchError(() => decoder.push(chunk));
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).message).toContain('Amazon Nova stream chunk');
    });
  });
});
