/** An AbortController that also aborts when `parent` does; dispose() detaches it. */
export interface LinkedAbort {
  readonly signal: AbortSignal;
  readonly abort: () => void;
  dispose(): void;
}

export function linkedAbort(parent: AbortSignal | undefined): LinkedAbort {
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(parent?.reason);
  };
  if (parent?.aborted === true) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    abort: () => {
      // Aborted already (the parent was): abort() would only build an unused DOMException.
      if (!controller.signal.aborted) controller.abort();
    },
    dispose: () => {
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** SDK send() options for an optional signal (the SDK's types refuse an explicit undefined). */
export function abortOptions(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal === undefined ? {} : { abortSignal: signal };
}
