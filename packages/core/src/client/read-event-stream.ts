import { CodecError } from '../errors/quarry-error.js';
import type { StreamDecoder } from '../codec-kit/codec.js';
import type { StreamEvent } from '../stream/stream-event.js';
import { within, type ScheduleTimeout } from './idle-watchdog.js';
import { linkedAbort, type LinkedAbort } from './linked-abort.js';

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
 *
 * A hand-written iterator rather than an async generator: every chunk of every stream passes
 * here, and a generator's suspend/resume costs several promises per event. Nothing happens before
 * the first `next()`, as with a generator. Its consumer (retryStream) never calls `next()` again
 * while one is pending; a `return()` meanwhile (a client that left) aborts the request at once,
 * and the pending `next()` then settles with the abort, which the layers above discard.
 */
export function readEventStream<E>(
  options: ReadEventStreamOptions<E>,
): AsyncIterableIterator<StreamEvent, void, undefined> {
  const { signal, idleMs, schedule } = options;
  let link: LinkedAbort | undefined;
  let iterator: AsyncIterator<E> | undefined;
  let decoder: StreamDecoder<E> | undefined;
  // Events of the last chunk not handed out yet (a chunk may decode into several).
  let pending: readonly StreamEvent[] = [];
  let pendingIndex = 0;
  let ended = false;
  let state: 'idle' | 'open' | 'closed' = 'idle';

  const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
  /** Detaches from the caller's signal; releases the socket unless the stream ran to its end. */
  const close = (completed: boolean): void => {
    if (state === 'closed') return;
    state = 'closed';
    link?.dispose();
    if (!completed) link?.abort();
  };
  const fail = (error: unknown): never => {
    close(false);
    signal?.throwIfAborted();
    throw error;
  };
  const take = (): IteratorResult<StreamEvent, void> => {
    const event = pending[pendingIndex++] as StreamEvent;
    if (event.type === 'stream-end') ended = true;
    return { done: false, value: event };
  };
  const onChunk = (
    next: IteratorResult<E>,
  ): IteratorResult<StreamEvent, void> | Promise<IteratorResult<StreamEvent, void>> => {
    try {
      // The SDK ends the iterator quietly on abort (bedrock-protocol.md §9.3); make it an error.
      signal?.throwIfAborted();
      if (next.done === true) {
        if (!ended) {
          throw new CodecError(
            'The model stream ended before its final chunk (the connection was cut). Retry the request.',
            { retryable: true },
          );
        }
        close(true);
        return done();
      }
      pending = (decoder as StreamDecoder<E>).push(next.value);
      pendingIndex = 0;
    } catch (error) {
      return fail(error);
    }
    return pending.length > 0 ? take() : pull();
  };
  const pull = (): Promise<IteratorResult<StreamEvent, void>> =>
    within((iterator as AsyncIterator<E>).next(), idleMs, (link as LinkedAbort).abort, schedule).then(
      onChunk,
      fail,
    );
  const open = (): Promise<IteratorResult<StreamEvent, void>> => {
    state = 'open';
    const opening = linkedAbort(signal);
    link = opening;
    let started: Promise<OpenedStream<E>>;
    try {
      started = options.open(opening.signal);
    } catch (error) {
      return Promise.resolve().then(() => fail(error));
    }
    return within(started, idleMs, opening.abort, schedule).then((opened) => {
      if (state === 'closed') return done();
      if (opened.events === undefined)
        return fail(new CodecError('Bedrock answered a streaming call without an event stream'));
      try {
        decoder = options.createDecoder(opened.requestId);
        iterator = opened.events[Symbol.asyncIterator]();
      } catch (error) {
        return fail(error);
      }
      return pull();
    }, fail);
  };

  return {
    next() {
      if (state === 'closed') return Promise.resolve(done());
      if (pendingIndex < pending.length) return Promise.resolve(take());
      return state === 'idle' ? open() : pull();
    },
    return() {
      close(false);
      return Promise.resolve(done());
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
