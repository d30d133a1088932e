import http from 'node:http';

import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { STREAM_EXCEPTION_PAYLOADS } from '../src/faults/fault-exceptions.js';
import { STREAM_EXCEPTIONS } from '../src/faults/fault-spec.js';
import type { EventStreamMessage } from '../src/http/emulator-request.js';
import {
  createEventStreamEncoder,
  eventMessage,
  exceptionMessage,
  messageHeaders,
} from '../src/http/event-stream-encoder.js';
import { FAULT_HEADER, startEmulator, type Emulator } from '../src/index.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** What the smithy codec makes of the same message: the reference the encoder must match. */
function smithyFrame(message: EventStreamMessage): Uint8Array {
  return codec.encode({ headers: messageHeaders(message), body: fromUtf8(JSON.stringify(message.payload)) });
}

function chunk(body: unknown, p: string): EventStreamMessage {
  return eventMessage('chunk', { bytes: Buffer.from(JSON.stringify(body)).toString('base64'), p });
}

const REPRESENTATIVE: readonly (readonly [string, EventStreamMessage])[] = [
  ['an opening chunk', chunk({ type: 'message_start', message: { role: 'assistant', content: [] } }, 'a')],
  [
    'a text chunk',
    chunk(
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' rivers' } },
      'abcdefgh',
    ),
  ],
  [
    'a metrics-bearing last chunk',
    chunk(
      {
        type: 'message_stop',
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 14,
          outputTokenCount: 100,
          invocationLatency: 1371,
          firstByteLatency: 452,
        },
      },
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456',
    ),
  ],
  [
    'a Converse event',
    eventMessage('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Flüsse 🌊' } }),
  ],
  [
    'a Converse metadata event',
    eventMessage('metadata', { usage: { inputTokens: 3 }, metrics: { latencyMs: 9 } }),
  ],
  ['an agent trace event', eventMessage('trace', { agentId: 'A', trace: { orchestrationTrace: {} } })],
  ['a payload past the buffer pool size', eventMessage('chunk', { bytes: 'x'.repeat(70_000), p: 'ab' })],
  ['an empty payload', eventMessage('chunk', {})],
  ...STREAM_EXCEPTIONS.map(
    (exception) =>
      [`a ${exception}`, exceptionMessage(exception, STREAM_EXCEPTION_PAYLOADS[exception])] as const,
  ),
  ['an exception with a non-ASCII message', exceptionMessage('validationException', { message: 'é ✓ 𝄞' })],
];

describe('createEventStreamEncoder', () => {
  for (const [name, message] of REPRESENTATIVE) {
    it(`frames ${name} byte for byte as the smithy codec does`, () => {
      const encoder = createEventStreamEncoder();
      const expected = Buffer.from(smithyFrame(message));
      // Twice: the second frame reuses the headers the first one formatted.
      expect(Buffer.from(encoder.encode(message)).equals(expected)).toBe(true);
      expect(Buffer.from(encoder.encode(message)).equals(expected)).toBe(true);
    });
  }

  it('keeps event and exception headers of the same name apart', () => {
    const encoder = createEventStreamEncoder();
    const event = eventMessage('throttlingException', { message: 'm' });
    const exception = exceptionMessage('throttlingException', { message: 'm' });
    encoder.encode(event);
    expect(Buffer.from(encoder.encode(exception)).equals(Buffer.from(smithyFrame(exception)))).toBe(true);
  });
});

describe('event-stream frames on the wire', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ latency: 'zero' });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('re-encode to the same bytes with the smithy codec, chunks, metrics and exceptions alike', async () => {
    const claude = JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 40,
      messages: [{ role: 'user', content: 'Tell me about the rivers of Europe.' }],
    });
    const plain = await streamBytes(emulator.url, HAIKU, claude, {});
    const faulted = await streamBytes(emulator.url, HAIKU, claude, {
      [FAULT_HEADER]: 'stream-error;after=3;exception=throttlingException',
    });
    const frames = [...splitFrames(plain), ...splitFrames(faulted)];
    for (const frame of frames) {
      expect(Buffer.from(codec.encode(codec.decode(frame))).equals(frame)).toBe(true);
    }
    const decoded = frames.map((frame) => codec.decode(frame));
    const payloads = decoded.map((message) => JSON.parse(toUtf8(message.body)) as Record<string, string>);
    const lastPlain = payloads[splitFrames(plain).length - 1];
    expect(Buffer.from(lastPlain?.['bytes'] ?? '', 'base64').toString()).toContain(
      'amazon-bedrock-invocationMetrics',
    );
    expect(decoded.at(-1)?.headers[':exception-type']?.value).toBe('throttlingException');
  });
});

function streamBytes(
  url: string,
  modelId: string,
  body: string,
  headers: Record<string, string>,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/model/${encodeURIComponent(modelId)}/invoke-with-response-stream`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (data: Buffer) => chunks.push(data));
        response.on('end', () => {
          resolve(Buffer.concat(chunks));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function splitFrames(bytes: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    frames.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return frames;
}
