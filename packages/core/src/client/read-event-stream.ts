import { CodecError } from '../errors/quarry-error.js';
import type { StreamDecoder } from '../codec-kit/codec.js';
import type { StreamEvent } from '../stream/stream-event.js';
import { within, type ScheduleTimeout } from './idle-watchdog.js';
import { linkedAbort } from './linked-abort.js';

/** An event stream the SDK opened: its request id and its events (already unframed). */
export interface OpenedStream<E> {
  readonly requestId: string | undefined;
  readonly events: AsyncIterable<E> | undefined;
}

export interface ReadEventStreamOptions<E> {
  /** Sends the streaming command with the given signal. */
  readonly open: (signal: AbortSignal) => Promise<OpenedStream<E>>;
  readonly createDecoder: (requestId: string | undefined) => StreamDecoder<E>;
  readonly idleMs: number;
  /** Arms the idle bound (the client's `scheduleTimeout`). */
  readonly schedule: ScheduleTimeout;
  /** The caller's signal: aborting it cancels the HTTP request and rejects with its reason. */
  readonly signal: AbortSignal | undefined;
}

/**
 * One attempt at a Bedrock event stream (InvokeModelWithResponseStream or ConverseStream) as
 * typed events. Guarantees: the opening and every gap between chunks are bounded by `idleMs`;
 * stopping early (break, return) or an abort cancels the upstream request at once; a caller
 * abort rejects with the signal's reason and no buffered event is delivered after it; a stream
 * that ends before the family's last chunk is an error (the connection was cut), never a
 * made-up `stream-end`.
 */
export async function* readEventStream<E>(
  options: ReadEventStreamOptions<E>,
): AsyncGenerator<StreamEvent, void, undefined> {
  const { signal, idleMs, schedule } = options;
  const link = linkedAbort(signal);
  let finished = false;
  try {
    const opened = await within(options.open(link.signal), idleMs, link.abort, schedule);
    if (opened.events === undefined)
      throw new CodecError('Bedrock answered a streaming call without an event stream');
    const decoder = options.createDecoder(opened.requestId);
    const iterator = opened.events[Symbol.asyncIterator]();
    let ended = false;
    for (;;) {
      const next = await within(iterator.next(), idleMs, link.abort, schedule);
      // The SDK ends the iterator quietly on abort (bedrock-protocol.md §9.3); make it an error.
      signal?.throwIfAborted();
      if (next.done === true) break;
      for (const event of decoder.push(next.value)) {
        if (event.type === 'stream-end') ended = true;
        yield event;
      }
    }
    if (!ended) {
      throw new CodecError(
        'The model stream ended before its final chunk (the connection was cut). Retry the request.',
        {
          retryable: true,
        },
      );
    }
    finished = true;
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  } finally {
    link.dispose();
    // Releases the socket when the consumer stopped early or something failed.
    if (!finished) link.abort();
  }
}
