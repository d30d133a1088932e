import { BedrockHttpError, type EmulatorRequest } from '../http/emulator-request.js';
import { createLatency } from '../latency.js';
import { converse } from './converse/converse.js';
import { invokeModel } from './invoke-model.js';
import { resolveTarget } from './resolve-target.js';
import type { RuntimeContext } from './runtime-context.js';

/** How one batch record went: the model's native (or Converse) output, or the error Bedrock records. */
export type RecordOutcome =
  | {
      readonly ok: true;
      readonly output: unknown;
      readonly inputTokens: number;
      readonly outputTokens: number;
    }
  | { readonly ok: false; readonly errorCode: number; readonly errorMessage: string };

/** Runs one batch record's `modelInput` as InvokeModel (or Converse) would, without the wire. */
export type RecordRunner = (
  region: string,
  modelId: string,
  modelInput: unknown,
  invocationType: 'InvokeModel' | 'Converse',
) => Promise<RecordOutcome>;

const NEVER_ABORTED = new AbortController().signal;

/**
 * Batch records go through the same family handlers as InvokeModel and Converse, so a record that
 * would fail as a call fails the same way here. The job's clock, not each record, carries timing,
 * so the handlers run at zero latency.
 */
export function createRecordRunner(context: RuntimeContext): RecordRunner {
  const instant: RuntimeContext = { ...context, latency: createLatency('zero') };
  return async (region, modelId, modelInput, invocationType) => {
    const request: EmulatorRequest = {
      method: 'POST',
      segments: ['model', modelId, invocationType === 'Converse' ? 'converse' : 'invoke'],
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(modelInput)),
      region,
      signal: NEVER_ABORTED,
    };
    try {
      const target = resolveTarget(instant.catalog, instant.lookups, region, modelId);
      const started = performance.now();
      const response =
        invocationType === 'Converse'
          ? await converse(instant, target, request, started)
          : await invokeModel(instant, target, request, started);
      if (response.kind !== 'json') throw new Error(`unexpected ${response.kind} answer to a batch record`);
      return { ok: true, output: response.body, ...tokenCounts(response.headers, response.body) };
    } catch (error) {
      if (error instanceof BedrockHttpError) {
        return { ok: false, errorCode: error.status, errorMessage: error.message };
      }
      throw error;
    }
  };
}

function tokenCounts(
  headers: Readonly<Record<string, string>> | undefined,
  body: unknown,
): { inputTokens: number; outputTokens: number } {
  const input = headers?.['x-amzn-bedrock-input-token-count'];
  if (input !== undefined) {
    return {
      inputTokens: Number(input),
      outputTokens: Number(headers?.['x-amzn-bedrock-output-token-count'] ?? 0),
    };
  }
  // Converse reports usage in its body.
  const usage = (body as { usage?: { inputTokens?: number; outputTokens?: number } }).usage;
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}
