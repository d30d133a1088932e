import { EventStreamCodec, type Message } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

/** Cuts AWS event-stream messages out of an HTTP body's chunks as they arrive. */
export interface EventStreamSplitter {
  /** Adds a chunk of the body. */
  push(chunk: Uint8Array): void;
  /**
   * The next complete message, else undefined. One at a time, so a frame that fails its CRC
   * throws only after the frames before it were handled.
   */
  next(): Message | undefined;
  /** Throws the SDK's "Truncated event message received." error when the body ended mid-frame. */
  finish(): void;
}

/**
 * The messages of an AWS event stream (bedrock-protocol.md §3) read from an HTTP body whose
 * chunks split or coalesce frames arbitrarily. Frames are cut by their `total_length` prelude and
 * decoded by the SDK's own codec, which checks both CRCs. Synchronous, so the transport reads a
 * body with one async iteration per chunk instead of one more async-generator layer per message.
 */
export function createEventStreamSplitter(): EventStreamSplitter {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  let pending: Uint8Array = new Uint8Array(0);
  return {
    push(chunk) {
      pending = pending.byteLength === 0 ? chunk : concat(pending, chunk);
    },
    next() {
      if (pending.byteLength < 4) return undefined;
      const length = new DataView(pending.buffer, pending.byteOffset, 4).getUint32(0, false);
      if (pending.byteLength < length) return undefined;
      const frame = pending.subarray(0, length);
      pending = pending.subarray(length);
      return codec.decode(frame);
    },
    finish() {
      if (pending.byteLength > 0) throw new Error('Truncated event message received.');
    },
  };
}

/** UTF-8 text of bytes without copying them first (`Buffer.from(uint8Array)` would). */
export function utf8Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}
