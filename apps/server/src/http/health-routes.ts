import type { QuarryClient } from '@quarry/core';
import type { ServerResponse } from 'node:http';
import type { Store } from '../store/store.js';
import { sendJson } from './send-json.js';

export interface ReadinessOptions {
  readonly client: QuarryClient;
  /** Describes the upstream in /ready answers (e.g. "emulator (in-process) us-east-1"). */
  readonly upstream: string;
  readonly timeoutMs: number;
  /** The gateway's database; /ready fails while it does not answer. */
  readonly store: Store;
  /**
   * Name the upstream, the database and their errors in answers. Only in development: anywhere
   * else /ready is often reachable by more people than the logs, and an upstream URL or a
   * database path is a map of the deployment.
   */
  readonly revealDetails: boolean;
}

/** Probes are frequent; one upstream call a second is plenty. */
const PROBE_REUSE_MS = 1_000;

/** GET /health: the process serves requests (liveness). */
export function sendHealth(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/**
 * GET /ready: the upstream answers a live ListFoundationModels and the database a trivial query,
 * both within the timeout (readiness); 503 otherwise, naming which failed. Never served from the
 * `models` cache, which could hide an upstream that died.
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
    const [upstream, database] = await Promise.allSettled([check(), options.store.ping(options.timeoutMs)]);
    const failing = [
      ...(upstream.status === 'rejected' ? ['upstream'] : []),
      ...(database.status === 'rejected' ? ['database'] : []),
    ];
    sendJson(response, failing.length === 0 ? 200 : 503, {
      status: failing.length === 0 ? 'ready' : 'unavailable',
      // Outside development answers name only the failing dependency: addresses and errors stay in logs.
      ...(failing.length > 0 && { failing }),
      ...(options.revealDetails && {
        upstream: options.upstream,
        ...(upstream.status === 'fulfilled'
          ? { models: upstream.value }
          : { reason: reasonOf(upstream.reason) }),
        database: options.store.description,
        ...(database.status === 'rejected' && { databaseReason: reasonOf(database.reason) }),
      }),
    });
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
