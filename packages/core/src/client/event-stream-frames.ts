import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

/**
 * The messages of an AWS event stream (bedrock-protocol.md §3) read from an HTTP body whose
 * chunks split or coalesce frames arbitrarily. Frames are cut by their `total_length` prelude and
 * decoded by the SDK's own codec, which checks both CRCs; a body that ends mid-frame throws the
 * SDK's "Truncated event message received." error.
 */
export async function* eventStreamMessages(body: AsyncIterable<Uint8Array>): AsyncGenerator<Message> {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of body) {
    pending = pending.byteLength === 0 ? chunk : concat(pending, chunk);
    while (pending.byteLength >= 4) {
      const length = new DataView(pending.buffer, pending.byteOffset, 4).getUint32(0, false);
      if (pending.byteLength < length) break;
      yield codec.decode(pending.subarray(0, length));
      pending = pending.subarray(length);
    }
  }
  if (pending.byteLength > 0) throw new Error('Truncated event message received.');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}
