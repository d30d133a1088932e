import { crc32 } from 'node:zlib';

import { HeaderMarshaller, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

import type { EventStreamMessage } from './emulator-request.js';

/** Turns event-stream messages into AWS event-stream frames (bedrock-protocol.md §3). */
export interface EventStreamEncoder {
  encode(message: EventStreamMessage): Uint8Array;
}

/**
 * Headers are formatted by `@smithy/eventstream-codec`'s HeaderMarshaller (the SDK decoder's twin),
 * once per message type and event type, and reused: a stream sends the same three headers on every
 * frame. The frame around them is assembled by `frameMessage`, byte for byte what
 * `EventStreamCodec.encode` produces (test/event-stream-encoder.test.ts compares the two).
 */
export function createEventStreamEncoder(): EventStreamEncoder {
  const marshaller = new HeaderMarshaller(toUtf8, fromUtf8);
  // Keyed by member name; both sets are closed (the emulator's own event names and STREAM_EXCEPTIONS).
  const formatted = { event: new Map<string, Uint8Array>(), exception: new Map<string, Uint8Array>() };
  const headersOf = (message: EventStreamMessage): Uint8Array => {
    const cache = formatted[message.messageType];
    let bytes = cache.get(message.type);
    if (bytes === undefined) {
      bytes = marshaller.format(messageHeaders(message));
      cache.set(message.type, bytes);
    }
    return bytes;
  };
  return {
    encode(message) {
      return frameMessage(headersOf(message), JSON.stringify(message.payload));
    },
  };
}

/** The headers of `message` as the smithy codec takes them; Bedrock only uses string headers (type 7). */
export function messageHeaders(message: EventStreamMessage): MessageHeaders {
  return {
    [message.messageType === 'event' ? ':event-type' : ':exception-type']: {
      type: 'string',
      value: message.type,
    },
    ':content-type': { type: 'string', value: 'application/json' },
    ':message-type': { type: 'string', value: message.messageType },
  };
}

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;

/**
 * One frame: total length, headers length, prelude CRC, headers, body, message CRC (big-endian
 * uint32s; the message CRC continues the prelude's over everything before it), as
 * `EventStreamCodec.encode` lays it out. Assembled here rather than by the codec because the codec
 * re-formats the headers on every call (a few small buffers per header) and takes the body as
 * bytes: under a 300-stream load that and the extra copy of the body were most of the framing cost,
 * while writing the JSON straight into the frame costs one allocation. Both CRCs are zlib's, which
 * the codec itself uses on Node.
 */
function frameMessage(headers: Uint8Array, body: string): Buffer {
  const bodyLength = Buffer.byteLength(body);
  const length = PRELUDE_BYTES + headers.byteLength + bodyLength + CRC_BYTES;
  const frame = Buffer.allocUnsafe(length);
  frame.writeUInt32BE(length, 0);
  frame.writeUInt32BE(headers.byteLength, 4);
  const preludeCrc = crc32(frame.subarray(0, 8));
  frame.writeUInt32BE(preludeCrc, 8);
  frame.set(headers, PRELUDE_BYTES);
  frame.write(body, PRELUDE_BYTES + headers.byteLength, bodyLength, 'utf8');
  frame.writeUInt32BE(crc32(frame.subarray(8, length - CRC_BYTES), preludeCrc), length - CRC_BYTES);
  return frame;
}

/** An `event` message: `eventType` is the union member name (`chunk`, `messageStart`, …). */
export function eventMessage(eventType: string, payload: unknown): EventStreamMessage {
  return { messageType: 'event', type: eventType, payload };
}

/**
 * An `exception` message, which the SDK throws from the stream iterator as the modeled error class.
 * `exceptionType` is the lower-camel member name, e.g. `throttlingException`.
 */
export function exceptionMessage(
  exceptionType: string,
  payload: Readonly<Record<string, unknown>>,
): EventStreamMessage {
  return { messageType: 'exception', type: exceptionType, payload };
}
