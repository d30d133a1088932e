import type { QuarryClient } from '@quarry/core';
import type { ServerResponse } from 'node:http';
import { sendJson } from './send-json.js';

export interface ReadinessOptions {
  readonly client: QuarryClient;
  /** Describes the upstream in /ready answers (e.g. "emulator (in-process) us-east-1"). */
  readonly upstream: string;
  readonly timeoutMs: number;
  /** Production answers say only ready/unavailable: upstream names and errors stay in logs. */
  readonly production: boolean;
}

/** Probes are frequent; one upstream call a second is plenty. */
const PROBE_REUSE_MS = 1_000;

/** GET /health: the process serves requests (liveness). */
export function sendHealth(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/**
 * GET /ready: the upstream answers a live ListFoundationModels within the timeout (readiness);
 * 503 otherwise. Never served from the `models` cache, which could hide an upstream that died.
 */
export function createReadinessProbe(options: ReadinessOptions): (response: ServerResponse) => Promise<void> {
  let last: { at: number; check: Promise<number> } | undefined;
  const check = (): Promise<number> => {
    if (last !== undefined && Date.now() - last.at < PROBE_REUSE_MS) return last.check;
    const signal = AbortSignal.timeout(options.timeoutMs);
    const probe = options.client.listModels({}, { signal }).then((models) => models.length);
    last = { at: Date.now(), check: probe };
    return probe;
  };
  return async (response) => {
    try {
      const models = await check();
      sendJson(response, 200, {
        status: 'ready',
        ...(!options.production && { upstream: options.upstream, models }),
      });
    } catch (error) {
      sendJson(response, 503, {
        status: 'unavailable',
        ...(!options.production && {
          upstream: options.upstream,
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };
}
