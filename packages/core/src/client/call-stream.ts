import type { CatalogModel } from '../catalog/catalog-model.js';
import type { StreamDecoder } from '../codec-kit/codec.js';
import { costOfUsage } from '../cost/cost.js';
import { retryStream } from '../retry/retry-stream.js';
import { isContentEvent, type StreamEvent } from '../stream/stream-event.js';
import { createToolCallAssembler } from '../stream/tool-call-assembler.js';
import type { ClientContext } from './client-context.js';
import type { CallStreamEvent } from './client-types.js';
import { readEventStream, type OpenedStream } from './read-event-stream.js';

export interface CallStreamOptions<E> {
  /** Prices the stream's usage. */
  readonly model: Pick<CatalogModel, 'pricing'>;
  /** The ID the caller passed, for errors and the log line. */
  readonly modelId: string;
  readonly operation: 'InvokeModelWithResponseStream' | 'ConverseStream';
  /** `context.now()` when the caller first asked for an event. */
  readonly started: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Sends the streaming command for one attempt. */
  readonly open: (abortSignal: AbortSignal) => Promise<OpenedStream<E>>;
  readonly createDecoder: (requestId: string | undefined) => StreamDecoder<E>;
}

/**
 * One Bedrock event stream as a client call: attempts opened through readEventStream and retried
 * until the first content event, ending in a `stream-end` completed with the call's totals.
 * Shared by InvokeModelWithResponseStream and ConverseStream, which differ only in what they send
 * and how they decode.
 */
export function callStream<E>(
  context: ClientContext,
  options: CallStreamOptions<E>,
): AsyncIterableIterator<CallStreamEvent, void, undefined> {
  const { modelId, operation } = options;
  let attempts = 0;
  const events = retryStream(
    (attempt, signal) => {
      attempts = attempt;
      return readEventStream<E>({
        open: options.open,
        createDecoder: options.createDecoder,
        idleMs: context.streamIdleTimeoutMs,
        schedule: context.scheduleTimeout,
        signal,
      });
    },
    isContentEvent,
    context.retry,
    { signal: options.signal, context: { modelId, region: context.region, operation } },
  );
  return withStreamTotals(context, events, {
    model: options.model,
    modelId,
    operation,
    started: options.started,
    attempts: () => attempts,
  });
}

type StreamTotalsOptions = Pick<CallStreamOptions<unknown>, 'model' | 'modelId' | 'operation' | 'started'> & {
  /** Attempts made so far; read when the stream ends. */
  readonly attempts: () => number;
};

/**
 * Completes a stream's `stream-end` with the call's totals (tool calls, request id, latency,
 * attempts, cost)
 * and logs one line per finished stream, as `invoke` does per call. Codecs stay pure: only the
 * client knows the clock, the catalog price and how many attempts it took. A plain mapping
 * iterator rather than an async generator: one promise per event instead of a generator's
 * several, and `return()` reaches the source as a generator's would.
 */
function withStreamTotals(
  context: ClientContext,
  events: AsyncIterable<StreamEvent>,
  options: StreamTotalsOptions,
): AsyncIterableIterator<CallStreamEvent, void, undefined> {
  const source = events[Symbol.asyncIterator]();
  let requestId: string | undefined;
  const tools = createToolCallAssembler();
  const complete = (event: StreamEvent): CallStreamEvent => {
    if (event.type === 'stream-start') requestId = event.requestId;
    tools.push(event);
    if (event.type !== 'stream-end') return event;
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
    return {
      ...event,
      toolCalls: tools.toolCalls(),
      requestId,
      latencyMs,
      attempts,
      cost: costOfUsage(options.model, event.usage),
    };
  };
  const closeAndThrow = async (error: unknown): Promise<never> => {
    // As a for-await loop would: a failure here closes the source before it propagates.
    // A failing close must not hide the error that caused it.
    await source.return?.().catch(() => undefined);
    throw error;
  };
  // Synchronous on the way through, so each event costs the one promise of source.next().
  const step = (
    result: IteratorResult<StreamEvent, unknown>,
  ): IteratorResult<CallStreamEvent, void> | Promise<never> => {
    if (result.done === true) return { done: true, value: undefined };
    try {
      return { done: false, value: complete(result.value) };
    } catch (error) {
      return closeAndThrow(error);
    }
  };
  const done = (): IteratorReturnResult<void> => ({ done: true, value: undefined });
  return {
    next: () => source.next().then(step),
    return: async () => {
      await source.return?.();
      return done();
    },
    throw: async (error?: unknown) => {
      if (source.throw === undefined) throw error;
      return step(await source.throw(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
