import type { Message } from '@smithy/core/event-streams';
import { finished, type Readable } from 'node:stream';
import { createEventStreamSplitter } from './event-stream-frames.js';

/** Decoded events held before the body is paused: a consumer that falls behind stops the upstream. */
const HIGH_WATER_EVENTS = 64;

export interface EventStreamBodyOptions<T> {
  /** A message that ends the stream with an error (an exception or error frame), else undefined. */
  readonly errorOf: (message: Message) => Error | undefined;
  /** The error to throw when the very first message is an error (the call "failed to send"). */
  readonly asFirstError: (error: Error) => Error;
  /** The event a message carries; undefined skips it. */
  readonly toEvent: (message: Message) => T | undefined;
}

/**
 * A streaming response's events: frames cut from the body as it arrives, an error frame thrown
 * after the events before it, and a body that ends mid-frame or is cut (an abort, a reset) thrown
 * as Node reports it.
 *
 * The body is read in flowing mode and decoded synchronously as chunks arrive, so each event costs
 * one promise (the consumer's `next()`) instead of the two async-generator layers a `for await`
 * over the body (Node's own iterator) and a `yield` per event cost. Backpressure is kept: past
 * HIGH_WATER_EVENTS undelivered events the body is paused until the consumer catches up.
 * Stopping early (`return()`) destroys the body, which releases the connection, as leaving a
 * `for await` over it would.
 */
export function eventStreamBody<T>(
  body: Readable,
  options: EventStreamBodyOptions<T>,
): AsyncIterableIterator<T, void, undefined> {
  const frames = createEventStreamSplitter();
  const queue: T[] = [];
  let head = 0;
  let first = true;
  let ended = false;
  let failure: { readonly error: unknown } | undefined;
  let waiter:
    | {
        readonly resolve: (result: IteratorResult<T, void>) => void;
        readonly reject: (error: unknown) => void;
      }
    | undefined;

  const take = (): IteratorResult<T, void> => {
    const value = queue[head] as T;
    queue[head++] = undefined as T;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
      if (body.isPaused() && !ended && failure === undefined) body.resume();
    }
    return { done: false, value };
  };
  /** Hands the waiting consumer what is there: events first, then the failure or the end. */
  const wake = (): void => {
    if (waiter === undefined) return;
    const { resolve, reject } = waiter;
    if (head < queue.length) resolve(take());
    else if (failure !== undefined) reject(failure.error);
    else if (ended) resolve({ done: true, value: undefined });
    else return;
    waiter = undefined;
  };
  const fail = (error: unknown): void => {
    if (failure !== undefined || ended) return;
    failure = { error };
    body.off('data', onData);
    body.destroy();
    wake();
  };
  const onData = (chunk: Buffer): void => {
    try {
      frames.push(chunk);
      for (let message = frames.next(); message !== undefined; message = frames.next()) {
        const error = options.errorOf(message);
        if (error !== undefined) throw first ? options.asFirstError(error) : error;
        first = false;
        const event = options.toEvent(message);
        if (event !== undefined) queue.push(event);
      }
    } catch (error) {
      fail(error);
      return;
    }
    if (queue.length - head >= HIGH_WATER_EVENTS) body.pause();
    wake();
  };

  body.on('data', onData);
  finished(body, (error) => {
    if (error != null) {
      fail(error);
      return;
    }
    try {
      frames.finish();
    } catch (truncated) {
      fail(truncated);
      return;
    }
    ended = true;
    wake();
  });

  return {
    next() {
      if (head < queue.length) return Promise.resolve(take());
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the body's own failure, passed through unchanged
      if (failure !== undefined) return Promise.reject(failure.error);
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    return() {
      if (!ended && failure === undefined) {
        failure = { error: new Error('The event stream was closed by its reader.') };
        body.off('data', onData);
        body.destroy();
      }
      queue.length = 0;
      head = 0;
      waiter?.resolve({ done: true, value: undefined });
      waiter = undefined;
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
