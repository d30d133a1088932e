import { once } from 'node:events';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Exchange } from '../src/http/exchange.js';
import { createHttp1Exchange } from '../src/http/http1-exchange.js';
import { createHttp2Exchange } from '../src/http/http2-exchange.js';
import { startEmulator } from '../src/index.js';
import { body } from './support/sdk-helpers.js';

// Each chunk is bigger than a writable's 16 KiB high-water mark, so every write waits for `drain`.
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const CHUNKS = 48;
const WATCHED = ['drain', 'close', 'error'] as const;

let warnings: Error[] = [];
const onWarning = (warning: Error): void => {
  warnings.push(warning);
};
beforeEach(() => {
  warnings = [];
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

const listenerWarnings = (): Error[] =>
  warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning');

/**
 * Writes CHUNKS chunks through the exchange's sink and returns, per watched event, how many more
 * listeners the transport stream had after the worst write than before the first.
 */
async function writeLongStream(exchange: Exchange, writable: Writable): Promise<Record<string, number>> {
  const before = Object.fromEntries(WATCHED.map((event) => [event, writable.listenerCount(event)]));
  const growth = Object.fromEntries(WATCHED.map((event) => [event, 0]));
  exchange.sink.start(200, { 'content-type': 'application/octet-stream' });
  for (let index = 0; index < CHUNKS; index++) {
    await exchange.sink.write(CHUNK);
    for (const event of WATCHED) {
      growth[event] = Math.max(growth[event] ?? 0, writable.listenerCount(event) - (before[event] ?? 0));
    }
  }
  exchange.sink.end();
  return growth;
}

/** Reads a response the slow way: nothing for a while, then one chunk per timer tick. */
async function readSlowly(
  readable: NodeJS.ReadableStream & { pause(): void; resume(): void },
): Promise<number> {
  let received = 0;
  readable.pause();
  await new Promise((resolve) => setTimeout(resolve, 50));
  readable.on('data', (chunk: Buffer) => {
    received += chunk.length;
    readable.pause();
    setImmediate(() => readable.resume());
  });
  readable.resume();
  await once(readable, 'end');
  return received;
}

describe('backpressure', () => {
  it('keeps HTTP/1.1 listener counts flat while a slow reader holds a long stream back', async () => {
    let growth: Promise<Record<string, number>> | undefined;
    const server = http.createServer((request, response) => {
      growth = writeLongStream(createHttp1Exchange(request, response), response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const outgoing = http.get({ host: '127.0.0.1', port, path: '/', agent: false });
      const [response] = (await once(outgoing, 'response')) as [http.IncomingMessage];
      expect(await readSlowly(response)).toBe(CHUNK.length * CHUNKS);
      expect(await growth).toEqual({ drain: 0, close: 0, error: 0 });
      expect(listenerWarnings()).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('keeps HTTP/2 listener counts flat while a slow reader holds a long stream back', async () => {
    let growth: Promise<Record<string, number>> | undefined;
    const server = http2.createServer();
    server.on('stream', (stream, headers) => {
      growth = writeLongStream(createHttp2Exchange(stream, headers), stream);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const session = http2.connect(`http://127.0.0.1:${port}`);
    try {
      const stream = session.request({ ':path': '/' });
      stream.end();
      expect(await readSlowly(stream)).toBe(CHUNK.length * CHUNKS);
      expect(await growth).toEqual({ drain: 0, close: 0, error: 0 });
      expect(listenerWarnings()).toEqual([]);
    } finally {
      session.close();
      server.close();
    }
  });

  it('streams a long answer to a reader with a tiny HTTP/2 window without a listener warning', async () => {
    const emulator = await startEmulator({ latency: 'zero' });
    // A 1 KiB stream window lets the emulator's frames out a little at a time, so its writes keep
    // hitting the high-water mark and waiting for `drain`.
    const session = http2.connect(emulator.url, { settings: { initialWindowSize: 1024 } });
    try {
      const stream = session.request({
        ':method': 'POST',
        ':path': '/model/anthropic.claude-3-haiku-20240307-v1:0/invoke-with-response-stream',
        'content-type': 'application/json',
        'x-quarry-output-tokens': '4096',
      });
      stream.end(
        body({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 4096,
          messages: [{ role: 'user', content: 'Tell me everything.' }],
        }),
      );
      const [headers] = (await once(stream, 'response')) as [http2.IncomingHttpHeaders];
      expect(headers[':status']).toBe(200);
      // About 2,000 frames: far more than the 16 KiB buffer, so dozens of drain waits.
      expect(await readSlowly(stream)).toBeGreaterThan(256 * 1024);
      expect(listenerWarnings()).toEqual([]);
    } finally {
      session.close();
      await emulator.close();
    }
  });
});
