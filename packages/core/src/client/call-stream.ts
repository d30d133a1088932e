import type { CatalogModel } from '../catalog/catalog-model.js';
import { costOfUsage } from '../cost/cost.js';
import type { StreamEvent } from '../stream/stream-event.js';
import type { ClientContext } from './client-context.js';
import type { CallStreamEvent } from './client-types.js';

export interface StreamTotalsOptions {
  readonly model: CatalogModel;
  /** The ID the caller passed, for the log line. */
  readonly modelId: string;
  readonly operation: 'InvokeModelWithResponseStream' | 'ConverseStream';
  /** `context.now()` when the caller first asked for an event. */
  readonly started: number;
  /** Attempts made so far; read when the stream ends. */
  readonly attempts: () => number;
}

/**
 * Completes a stream's `stream-end` with the call's totals (request id, latency, attempts, cost)
 * and logs one line per finished stream, as `invoke` does per call. Codecs stay pure: only the
 * client knows the clock, the catalog price and how many attempts it took.
 */
export async function* withStreamTotals(
  context: ClientContext,
  events: AsyncIterable<StreamEvent>,
  options: StreamTotalsOptions,
): AsyncGenerator<CallStreamEvent, void, undefined> {
  let requestId: string | undefined;
  for await (const event of events) {
    if (event.type === 'stream-start') requestId = event.requestId;
    if (event.type !== 'stream-end') {
      yield event;
      continue;
    }
    const latencyMs = context.now() - options.started;
    const attempts = options.attempts();
    context.logger.info(
      {
        event: 'bedrock.stream.done',
        operation: options.operation,
        modelId: options.modelId,
        requestId,
        durationMs: latencyMs,
        attempts,
        inputTokens: event.usage.inputTokens,
        outputTokens: event.usage.outputTokens,
        stopReason: event.stopReason,
      },
      'stream done',
    );
    yield { ...event, requestId, latencyMs, attempts, cost: costOfUsage(options.model, event.usage) };
  }
}
