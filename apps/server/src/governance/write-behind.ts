import { QuarryError, type Logger } from '@quarry/core';

/** Keeps bookkeeping writes (usage, audit, budget settlement) until their store takes them. */
export interface WriteBehind {
  /**
   * Runs `write` now, or — while earlier writes wait, or when it fails — queues it and retries in
   * order until it succeeds. Never throws: a call already served must not become an error because
   * its bookkeeping could not be written yet.
   */
  write(label: string, write: () => Promise<unknown>): Promise<void>;
  /** Writes waiting for their store. */
  pending(): number;
  /**
   * Waits for writes already on their way to their store (they may be batched with others), then
   * retries what waits; resolves when both are done or `timeoutMs` passed.
   */
  flush(timeoutMs: number): Promise<void>;
}

export interface WriteBehindOptions {
  readonly logger: Logger;
  /** Waiting writes past this are dropped (and logged as lost): memory stays bounded. @default 100000 */
  readonly maxPending?: number;
  /** First pause between retries, doubling up to `maxDelayMs`. @default 100 */
  readonly baseDelayMs?: number;
  /** @default 5000 */
  readonly maxDelayMs?: number;
}

/**
 * While the database is unreachable, the calls it served (admin calls, and anything admitted
 * before the outage) still happened and still cost money: their usage, audit rows and budget
 * settlement wait here and land, in order, once it answers again. Order matters for the audit
 * chain's sequence, so a new write never overtakes a waiting one.
 */
export function createWriteBehind(options: WriteBehindOptions): WriteBehind {
  const maxPending = options.maxPending ?? 100_000;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const queue: { label: string; write: () => Promise<unknown> }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delayMs = baseDelayMs;
  let draining: Promise<void> | undefined;
  let idle: (() => void)[] = [];
  // Writes sent straight to their store and not settled yet: shutdown waits for them too.
  const inFlight = new Set<Promise<unknown>>();

  const drain = async (): Promise<void> => {
    for (let next = queue[0]; next !== undefined; next = queue[0]) {
      try {
        await next.write();
      } catch (error) {
        if (waitsForStore(error)) {
          schedule();
          return;
        }
        failed(next.label, error);
      }
      queue.shift();
      if (queue.length === 0) {
        options.logger.info({ event: 'gateway.write-behind.drained' }, 'queued bookkeeping writes landed');
      }
    }
    delayMs = baseDelayMs;
    for (const resolve of idle.splice(0)) resolve();
  };
  const run = (): Promise<void> => {
    draining ??= drain().finally(() => {
      draining = undefined;
    });
    return draining;
  };
  const schedule = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delayMs);
    // Retries never keep a stopping process alive; flush() is how shutdown waits for them.
    timer.unref();
    delayMs = Math.min(maxDelayMs, delayMs * 2);
  };
  const failed = (label: string, error: unknown): void => {
    options.logger.error({ event: 'gateway.write-behind.failed', label, err: error }, `${label} failed`);
  };
  const enqueue = (label: string, write: () => Promise<unknown>): void => {
    if (queue.length >= maxPending) {
      options.logger.error(
        { event: 'gateway.write-behind.lost', label, pending: queue.length },
        `${label} lost: ${queue.length} bookkeeping writes already wait for the database`,
      );
      return;
    }
    if (queue.length === 0)
      options.logger.warn(
        { event: 'gateway.write-behind.waiting', label },
        'the database does not take bookkeeping writes; they wait and land when it is back',
      );
    queue.push({ label, write });
  };

  return {
    async write(label, write) {
      if (queue.length > 0 || draining !== undefined) {
        enqueue(label, write);
        return;
      }
      // Through a promise, so a write that throws before returning one fails like any other.
      const running = Promise.resolve().then(write);
      inFlight.add(running);
      try {
        await running;
      } catch (error) {
        if (!waitsForStore(error)) {
          failed(label, error);
          return;
        }
        enqueue(label, write);
        schedule();
      } finally {
        inFlight.delete(running);
      }
    },
    pending: () => queue.length,
    async flush(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      if (inFlight.size > 0) {
        let stop: ReturnType<typeof setTimeout> | undefined;
        // A write that fails meanwhile joins the queue (its catch runs before this resumes).
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise<void>((resolve) => {
            stop = setTimeout(resolve, timeoutMs);
          }),
        ]);
        clearTimeout(stop);
      }
      if (queue.length === 0) return;
      timeoutMs = Math.max(0, deadline - performance.now());
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
      let stop: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          idle.push(resolve);
          void run();
        }),
        new Promise<void>((resolve) => {
          stop = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(stop);
      idle = [];
    },
  };
}

/** The store's "unavailable, retry" error: worth waiting for. Anything else would fail again. */
function waitsForStore(error: unknown): boolean {
  return error instanceof QuarryError && error.retryable;
}
