import type { CallStreamEvent, CallTokenStream } from '@quarry/core';
import type { CallOutcome } from './policy.js';

/** What a governed stream needs of its admission: one settlement, whichever comes first. */
interface StreamAdmission {
  settle(outcome: CallOutcome): Promise<void>;
}

/**
 * A stream that passes the policy step before it opens and settles exactly once: with the usage of
 * its `stream-end` (before that event goes out, so a client that saw StreamEnd finds its usage
 * recorded), with the failure that ended it, or as cancelled when the consumer stopped first or
 * the source ended without a `stream-end`.
 *
 * A hand-written iterator rather than an async generator: every streamed token passes here, and a
 * `for await … yield` layer costs several promises and microtask hops per event where a mapping
 * `then` costs one. `return()` reaches the source at once instead of queueing behind a pending
 * `next()`, as the abortable layer above expects.
 */
export function governedStream(
  admit: () => Promise<StreamAdmission>,
  open: () => CallTokenStream,
  failureOf: (error: unknown) => CallOutcome,
): CallTokenStream {
  return {
    [Symbol.asyncIterator](): AsyncIterator<CallStreamEvent, void, undefined> {
      let admission: StreamAdmission | undefined;
      let source: AsyncIterator<CallStreamEvent> | undefined;
      let starting: Promise<void> | undefined;
      let finished = false;
      const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
      let settled = false;
      const settle = (outcome: CallOutcome): Promise<void> => {
        if (settled || admission === undefined) return Promise.resolve();
        settled = true;
        return admission.settle(outcome);
      };

      const onResult = (
        result: IteratorResult<CallStreamEvent>,
      ): IteratorResult<CallStreamEvent, void> | Promise<IteratorResult<CallStreamEvent, void>> => {
        if (result.done === true) {
          finished = true;
          // A no-op when a stream-end went by; otherwise nothing more is known of the usage.
          return settle({ cancelled: true }).then(done);
        }
        const event = result.value;
        if (event.type !== 'stream-end') return result;
        return settle({
          usage: event.usage,
          costUsd: event.cost.totalUsd,
          upstreamRequestId: event.requestId,
          attempts: event.attempts,
        }).then(() => result);
      };
      const onError = (error: unknown): Promise<never> => {
        finished = true;
        return settle(failureOf(error)).then(() => {
          throw error;
        });
      };
      const pull = (): Promise<IteratorResult<CallStreamEvent, void>> => {
        if (finished || source === undefined) return Promise.resolve(done());
        return source.next().then(onResult, onError);
      };

      return {
        next() {
          if (starting === undefined) {
            starting = admit().then((admitted) => {
              admission = admitted;
              // The consumer may have stopped while the policy step ran: then nothing opens.
              if (!finished) source = open()[Symbol.asyncIterator]();
            });
            return starting.then(pull);
          }
          return pull();
        },
        async return() {
          if (finished) return done();
          finished = true;
          // Wait for a policy step under way, so its admission is settled rather than leaked.
          await starting?.catch(() => undefined);
          try {
            await source?.return?.();
          } finally {
            await settle({ cancelled: true });
          }
          return done();
        },
      };
    },
  };
}
