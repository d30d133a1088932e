import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';
import { createEventStreamSplitter, utf8Of } from './event-stream-frames.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(text: string): Uint8Array {
  const message: Message = {
    headers: { ':event-type': { type: 'string', value: 'chunk' } },
    body: fromUtf8(text),
  };
  return codec.encode(message);
}

function drain(splitter: ReturnType<typeof createEventStreamSplitter>): string[] {
  const texts: string[] = [];
  for (let message = splitter.next(); message !== undefined; message = splitter.next())
    texts.push(utf8Of(message.body));
  return texts;
}

describe('createEventStreamSplitter', () => {
  it('returns a frame split across chunks once its last byte arrived', () => {
    const bytes = frame('{"a":1}');
    const splitter = createEventStreamSplitter();
    splitter.push(bytes.subarray(0, 3));
    expect(drain(splitter)).toEqual([]);
    splitter.push(bytes.subarray(3, 20));
    expect(drain(splitter)).toEqual([]);
    splitter.push(bytes.subarray(20));
    expect(drain(splitter)).toEqual(['{"a":1}']);
    expect(() => {
      splitter.finish();
    }).not.toThrow();
  });

  it('returns every frame of a chunk that holds several, in order', () => {
    const one = frame('one');
    const two = frame('two');
    const joined = new Uint8Array(one.byteLength + two.byteLength);
    joined.set(one, 0);
    joined.set(two, one.byteLength);
    const splitter = createEventStreamSplitter();
    splitter.push(joined);
    expect(drain(splitter)).toEqual(['one', 'two']);
  });

  it('throws the SDK error when the body ends mid-frame', () => {
    const splitter = createEventStreamSplitter();
    splitter.push(frame('cut').subarray(0, 10));
    expect(drain(splitter)).toEqual([]);
    expect(() => {
      splitter.finish();
    }).toThrow('Truncated event message received.');
  });

  it('hands out the frames before a corrupt one before failing on it', () => {
    const good = frame('good');
    const bad = frame('bad');
    bad[bad.byteLength - 1] = (bad[bad.byteLength - 1] ?? 0) ^ 0xff; // breaks the message CRC
    const joined = new Uint8Array(good.byteLength + bad.byteLength);
    joined.set(good, 0);
    joined.set(bad, good.byteLength);
    const splitter = createEventStreamSplitter();
    splitter.push(joined);
    expect(utf8Of(splitter.next()?.body ?? new Uint8Array())).toBe('good');
    expect(() => splitter.next()).toThrow();
  });
});

describe('utf8Of', () => {
  it('reads only the view it is given, not the whole underlying buffer', () => {
    const whole = Buffer.from('abcdef', 'utf8');
    expect(utf8Of(whole.subarray(2, 4))).toBe('cd');
  });
});
