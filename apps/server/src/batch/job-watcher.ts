import type { Logger } from '@quarry/core';
import { QuarryError } from '@quarry/core';

export interface JobWatcherOptions<Job> {
  /** Reads the job's current state; `signal` is aborted when nobody follows it any more. */
  readonly fetch: (id: string, signal: AbortSignal) => Promise<Job>;
  /** Two states with the same fingerprint are the same to subscribers (no event). */
  readonly fingerprint: (job: Job) => string;
  readonly isTerminal: (job: Job) => boolean;
  /** First and shortest gap between polls. */
  readonly minIntervalMs: number;
  /** Longest gap: the back-off doubles up to it while nothing changes. */
  readonly maxIntervalMs: number;
  readonly logger: Logger;
}

/** Follows jobs by polling, one poller per job however many subscribers it has. */
export interface JobWatcher<Job> {
  /**
   * The job's state now and at every change, ending after a terminal state. Ending the iteration
   * unsubscribes, as does aborting `signal` (the iteration then rejects with its reason); the
   * poller stops with its last subscriber.
   */
  watch(id: string, signal: AbortSignal): AsyncIterable<Job>;
  /** Jobs being polled right now (for tests and metrics). */
  readonly activePollers: () => number;
  /** Stops every poller and ends every subscription. */
  close(): void;
}

interface Subscriber<Job> {
  push(job: Job): void;
  fail(error: unknown): void;
  end(): void;
}

interface Poller<Job> {
  readonly subscribers: Set<Subscriber<Job>>;
  readonly controller: AbortController;
  last: Job | undefined;
  lastFingerprint: string | undefined;
  intervalMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Upstream failures a poller rides out (with back-off) instead of failing its subscribers. */
function isTransient(error: unknown): boolean {
  return error instanceof QuarryError && error.retryable;
}

export function createJobWatcher<Job>(options: JobWatcherOptions<Job>): JobWatcher<Job> {
  const pollers = new Map<string, Poller<Job>>();

  const stop = (id: string, poller: Poller<Job>): void => {
    clearTimeout(poller.timer);
    poller.controller.abort();
    if (pollers.get(id) === poller) pollers.delete(id);
  };

  const schedule = (id: string, poller: Poller<Job>, delayMs: number): void => {
    poller.timer = setTimeout(() => {
      void poll(id, poller);
    }, delayMs);
  };

  const poll = async (id: string, poller: Poller<Job>): Promise<void> => {
    let job: Job;
    try {
      job = await options.fetch(id, poller.controller.signal);
    } catch (error) {
      if (poller.controller.signal.aborted) return;
      if (isTransient(error)) {
        poller.intervalMs = Math.min(options.maxIntervalMs, poller.intervalMs * 2);
        options.logger.warn(
          { event: 'gateway.job-poll.retry', jobId: id, err: error },
          'job poll failed; backing off',
        );
        schedule(id, poller, poller.intervalMs);
        return;
      }
      for (const subscriber of poller.subscribers) subscriber.fail(error);
      stop(id, poller);
      return;
    }
    if (poller.controller.signal.aborted) return;
    const fingerprint = options.fingerprint(job);
    if (fingerprint !== poller.lastFingerprint) {
      poller.last = job;
      poller.lastFingerprint = fingerprint;
      poller.intervalMs = options.minIntervalMs;
      for (const subscriber of poller.subscribers) subscriber.push(job);
    } else {
      poller.intervalMs = Math.min(options.maxIntervalMs, poller.intervalMs * 2);
    }
    if (options.isTerminal(job)) {
      for (const subscriber of poller.subscribers) subscriber.end();
      stop(id, poller);
      return;
    }
    schedule(id, poller, poller.intervalMs);
  };

  const join = (id: string, subscriber: Subscriber<Job>): Poller<Job> => {
    let poller = pollers.get(id);
    if (poller === undefined) {
      poller = {
        subscribers: new Set(),
        controller: new AbortController(),
        last: undefined,
        lastFingerprint: undefined,
        intervalMs: options.minIntervalMs,
        timer: undefined,
      };
      pollers.set(id, poller);
      poller.subscribers.add(subscriber);
      void poll(id, poller);
      return poller;
    }
    poller.subscribers.add(subscriber);
    // A late subscriber starts from the state the others last saw.
    if (poller.last !== undefined) subscriber.push(poller.last);
    return poller;
  };

  const leave = (id: string, poller: Poller<Job>, subscriber: Subscriber<Job>): void => {
    poller.subscribers.delete(subscriber);
    if (poller.subscribers.size === 0) stop(id, poller);
  };

  return {
    watch(id, signal) {
      return {
        [Symbol.asyncIterator]: () => {
          const queue: Job[] = [];
          let failure: { error: unknown } | undefined;
          let ended = false;
          let wake: (() => void) | undefined;
          const notify = (): void => {
            wake?.();
            wake = undefined;
          };
          const subscriber: Subscriber<Job> = {
            push: (job) => {
              queue.push(job);
              notify();
            },
            fail: (error) => {
              failure = { error };
              notify();
            },
            end: () => {
              ended = true;
              notify();
            },
          };
          const poller = join(id, subscriber);
          const onAbort = (): void => {
            ended = true;
            notify();
          };
          signal.addEventListener('abort', onAbort, { once: true });
          const finish = (): void => {
            signal.removeEventListener('abort', onAbort);
            leave(id, poller, subscriber);
          };
          return {
            async next(): Promise<IteratorResult<Job>> {
              for (;;) {
                const job = queue.shift();
                if (job !== undefined && !signal.aborted) return { done: false, value: job };
                if (failure !== undefined) {
                  finish();
                  throw failure.error;
                }
                if (signal.aborted) {
                  finish();
                  // Like core's streams: an abort rejects with its reason, so a shutdown's coded reason reaches the client.
                  throw signal.reason;
                }
                if (ended) {
                  finish();
                  return { done: true, value: undefined };
                }
                await new Promise<void>((resolve) => {
                  wake = resolve;
                });
              }
            },
            return(): Promise<IteratorResult<Job>> {
              finish();
              return Promise.resolve({ done: true, value: undefined });
            },
          };
        },
      };
    },
    activePollers: () => pollers.size,
    close() {
      for (const [id, poller] of pollers) {
        for (const subscriber of poller.subscribers) subscriber.end();
        stop(id, poller);
      }
    },
  };
}
