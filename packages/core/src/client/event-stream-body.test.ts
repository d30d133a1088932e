import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eventStreamBody } from './event-stream-body.js';
import { utf8Of } from './event-stream-frames.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(type: 'event' | 'exception', name: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      [type === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: name },
      ':message-type': { type: 'string', value: type },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

const errorOf = (message: Message): Error | undefined =>
  message.headers[':message-type']?.value === 'exception'
    ? Object.assign(new Error(utf8Of(message.body)), {
        name: String(message.headers[':exception-type']?.value),
      })
    : undefined;

function reader(body: PassThrough) {
  return eventStreamBody(body, {
    errorOf,
    asFirstError: (error) => Object.assign(error, { first: true }),
    toEvent: (message) =>
      message.headers[':event-type']?.value === 'chunk'
        ? (JSON.parse(utf8Of(message.body)) as { n: number }).n
        : undefined,
  });
}

async function collect(iterator: AsyncIterable<number>): Promise<number[]> {
  const seen: number[] = [];
  for await (const n of iterator) seen.push(n);
  return seen;
}

describe('eventStreamBody', () => {
  it('reads frames split and coalesced arbitrarily across chunks, skipping other event types', async () => {
    const body = new PassThrough();
    const bytes = Buffer.concat([
      frame('event', 'chunk', { n: 1 }),
      frame('event', 'other', { n: 99 }),
      frame('event', 'chunk', { n: 2 }),
      frame('event', 'chunk', { n: 3 }),
    ]);
    const reading = collect(reader(body));
    for (let offset = 0; offset < bytes.length; offset += 7) body.write(bytes.subarray(offset, offset + 7));
    body.end();
    expect(await reading).toEqual([1, 2, 3]);
  });

  it('delivers the events before an exception frame, then throws it (as a first error only when first)', async () => {
    const body = new PassThrough();
    body.end(
      Buffer.concat([
        frame('event', 'chunk', { n: 1 }),
        frame('exception', 'throttlingException', 'slow down'),
      ]),
    );
    const seen: number[] = [];
    const error = await (async () => {
      try {
        for await (const n of reader(body)) seen.push(n);
      } catch (caught) {
        return caught as Error & { first?: boolean };
      }
      return undefined;
    })();
    expect(seen).toEqual([1]);
    expect(error?.name).toBe('throttlingException');
    expect(error?.first).toBeUndefined();

    const firstBody = new PassThrough();
    firstBody.end(frame('exception', 'validationException', 'bad'));
    await expect(collect(reader(firstBody))).rejects.toMatchObject({
      name: 'validationException',
      first: true,
    });
  });

  it('throws the SDK truncation error for a body that ends mid-frame', async () => {
    const body = new PassThrough();
    const bytes = frame('event', 'chunk', { n: 1 });
    body.end(Buffer.concat([bytes, bytes.subarray(0, 10)]));
    await expect(collect(reader(body))).rejects.toThrow('Truncated event message received.');
  });

  it('rejects a pending read with the error that cut the body', async () => {
    const body = new PassThrough();
    const iterator = reader(body);
    const pending = iterator.next();
    body.destroy(new Error('socket hang up'));
    await expect(pending).rejects.toThrow('socket hang up');
  });

  it('pauses the body while its reader is behind and resumes once it caught up', async () => {
    const body = new PassThrough();
    const iterator = reader(body);
    body.write(Buffer.concat(Array.from({ length: 100 }, (_, n) => frame('event', 'chunk', { n }))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.isPaused()).toBe(true);
    const seen: number[] = [];
    for (let index = 0; index < 100; index++) {
      const next = await iterator.next();
      if (next.done !== true) seen.push(next.value);
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(body.isPaused()).toBe(false);
    body.end();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('destroys the body when its reader stops early', async () => {
    const body = new PassThrough();
    body.write(Buffer.concat([frame('event', 'chunk', { n: 1 }), frame('event', 'chunk', { n: 2 })]));
    for await (const n of reader(body)) if (n === 1) break;
    expect(body.destroyed).toBe(true);
  });
});
