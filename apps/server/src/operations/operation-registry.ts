/**
 * Operations in flight on one transport, each with its own AbortController, so shutdown can
 * cancel what is left in one sweep (instead of every operation listening on a shared signal).
 */
export interface OperationRegistry {
  /** A fresh controller for one operation; call finish() when it is done. */
  start(): AbortController;
  finish(controller: AbortController): void;
  /** Aborts every operation still in flight. */
  abortAll(reason: Error): void;
  size(): number;
}

export function createOperationRegistry(): OperationRegistry {
  const active = new Set<AbortController>();
  return {
    start() {
      const controller = new AbortController();
      active.add(controller);
      return controller;
    },
    finish(controller) {
      active.delete(controller);
    },
    abortAll(reason) {
      for (const controller of active) controller.abort(reason);
      active.clear();
    },
    size: () => active.size,
  };
}
