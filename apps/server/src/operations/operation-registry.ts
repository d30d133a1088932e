/**
 * Operations in flight on one transport, each with its own AbortController and the key that
 * started it, so shutdown can cancel what is left in one sweep and revoking a key can cancel
 * that key's operations (instead of every operation listening on a shared signal).
 */
export interface OperationRegistry {
  /**
   * A fresh controller for one operation of `keyId`, started with `credential` (the bearer value
   * it authenticated with); call finish() when it is done.
   */
  start(keyId: string, credential: unknown): AbortController;
  /** The operation is done (answered, failed or cancelled): it leaves the registry only here. */
  finish(controller: AbortController): void;
  /** Aborts every operation still in flight. */
  abortAll(reason: Error): void;
  /** Aborts the operations of one key (revoked or rotated). */
  abortKey(keyId: string, reason: Error): void;
  /** The distinct credentials of the operations in flight, with the key each authenticated as. */
  credentials(): Map<unknown, string>;
  /** Aborts the operations started with `credential` (it stopped working). */
  abortCredential(credential: unknown, reason: Error): void;
  /**
   * Resolves once every operation has finished, or after `timeoutMs`. A cancelled operation
   * still settles (its usage and audit rows) before it finishes, so shutdown waits here before
   * its last flush of those rows.
   */
  finished(timeoutMs: number): Promise<void>;
  size(): number;
}

export function createOperationRegistry(): OperationRegistry {
  const active = new Map<AbortController, { readonly keyId: string; readonly credential: unknown }>();
  let waiters: (() => void)[] = [];
  return {
    start(keyId, credential) {
      const controller = new AbortController();
      active.set(controller, { keyId, credential });
      return controller;
    },
    finish(controller) {
      active.delete(controller);
      if (active.size > 0 || waiters.length === 0) return;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
    abortAll(reason) {
      for (const controller of active.keys()) controller.abort(reason);
    },
    abortKey(keyId, reason) {
      for (const [controller, owner] of active) if (owner.keyId === keyId) controller.abort(reason);
    },
    credentials() {
      const distinct = new Map<unknown, string>();
      for (const { keyId, credential } of active.values()) distinct.set(credential, keyId);
      return distinct;
    },
    abortCredential(credential, reason) {
      for (const [controller, owner] of active) if (owner.credential === credential) controller.abort(reason);
    },
    finished(timeoutMs) {
      if (active.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    size: () => active.size,
  };
}
