import type { ServerResponse } from 'node:http';
import type { ModelDirectory } from '../models/model-directory.js';
import { sendJson } from './send-json.js';

export interface HealthDeps {
  readonly models: ModelDirectory;
  /** Describes the upstream in /ready answers (e.g. "emulator (in-process) us-east-1"). */
  readonly upstream: string;
  readonly readyTimeoutMs: number;
}

/** GET /health: the process serves requests (liveness). */
export function sendHealth(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/** GET /ready: the upstream answers ListFoundationModels (readiness); 503 with the reason when not. */
export async function sendReady(response: ServerResponse, deps: HealthDeps): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer within ${deps.readyTimeoutMs} ms`));
      }, deps.readyTimeoutMs);
    });
    const models = await Promise.race([deps.models.list(), timeout]);
    sendJson(response, 200, { status: 'ready', upstream: deps.upstream, models: models.length });
  } catch (error) {
    sendJson(response, 503, {
      status: 'unavailable',
      upstream: deps.upstream,
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    clearTimeout(timer);
  }
}
