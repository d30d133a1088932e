import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

import type { EventStreamMessage } from './emulator-request.js';

/** Turns event-stream messages into AWS event-stream frames (bedrock-protocol.md §3). */
export interface EventStreamEncoder {
  encode(message: EventStreamMessage): Uint8Array;
}

/** Framing and both CRCs come from `@smithy/eventstream-codec`, the SDK's own decoder's twin. */
export function createEventStreamEncoder(): EventStreamEncoder {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  return {
    encode(message) {
      const headers: MessageHeaders = {};
      // Bedrock only ever uses string headers (type 7).
      for (const [name, value] of Object.entries(message.headers)) headers[name] = { type: 'string', value };
      return codec.encode({ headers, body: fromUtf8(JSON.stringify(message.payload)) });
    },
  };
}

/** An `event` message: `:event-type` is the union member name (`chunk`, `messageStart`, …). */
export function eventMessage(eventType: string, payload: unknown): EventStreamMessage {
  return {
    headers: { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    payload,
  };
}

/**
 * An `exception` message, which the SDK throws from the stream iterator as the modeled error class.
 * `exceptionType` is the lower-camel member name, e.g. `throttlingException`.
 */
export function exceptionMessage(
  exceptionType: string,
  payload: Readonly<Record<string, unknown>>,
): EventStreamMessage {
  return {
    headers: {
      ':exception-type': exceptionType,
      ':content-type': 'application/json',
      ':message-type': 'exception',
    },
    payload,
  };
}
