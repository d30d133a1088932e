/**
 * Operations in flight on one transport, each with its own AbortController and the key that
 * started it, so shutdown can cancel what is left in one sweep and revoking a key can cancel
 * that key's operations (instead of every operation listening on a shared signal).
 */
export interface OperationRegistry {
  /** A fresh controller for one operation of `keyId`; call finish() when it is done. */
  start(keyId: string): AbortController;
  finish(controller: AbortController): void;
  /** Aborts every operation still in flight. */
  abortAll(reason: Error): void;
  /** Aborts the operations of one key (revoked or rotated). */
  abortKey(keyId: string, reason: Error): void;
  size(): number;
}

export function createOperationRegistry(): OperationRegistry {
  const active = new Map<AbortController, string>();
  return {
    start(keyId) {
      const controller = new AbortController();
      active.set(controller, keyId);
      return controller;
    },
    finish(controller) {
      active.delete(controller);
    },
    abortAll(reason) {
      for (const controller of active.keys()) controller.abort(reason);
      active.clear();
    },
    abortKey(keyId, reason) {
      for (const [controller, owner] of active) {
        if (owner !== keyId) continue;
        controller.abort(reason);
        active.delete(controller);
      }
    },
    size: () => active.size,
  };
}
