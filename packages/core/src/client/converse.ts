import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest } from '../codecs/chat-types.js';
import { toConverseRequest } from '../codecs/converse/converse-request.js';
import { createConverseStreamDecoder, fromConverseResponse } from '../codecs/converse/converse-response.js';
import { costOfUsage } from '../cost/cost.js';
import { CodecError } from '../errors/quarry-error.js';
import { retryStream } from '../retry/retry-stream.js';
import { withRetry } from '../retry/with-retry.js';
import { isContentEvent, type StreamEvent, type TokenStream } from '../stream/stream-event.js';
import { instrumentCommand } from './call-middleware.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, InvokeResult } from './client-types.js';
import { nextWithin } from './idle-watchdog.js';
import { abortOptions, linkedAbort } from './linked-abort.js';

/** Chat through Bedrock's Converse API: one request shape for every model that supports it. */
export async function converse(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): Promise<InvokeResult> {
  const started = context.now();
  const resolved = await context.resolver.resolve(modelId, options.signal);
  // The family's rules still apply: Converse forwards to the same model with the same limits.
  chatCodecFor(context, resolved).validate(resolved.model, request);
  const fields = toConverseRequest(request);
  let attempts = 0;
  const output = await withRetry(
    (attempt) => {
      attempts = attempt;
      const command = new ConverseCommand({ modelId, ...fields });
      instrumentCommand(command, options.headers);
      return context.runtime.send(command, abortOptions(options.signal));
    },
    context.retry,
    { signal: options.signal, context: { modelId, region: context.region, operation: 'Converse' } },
  );
  const result = fromConverseResponse(output);
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.converse.done',
      modelId,
      requestId: output.$metadata.requestId,
      durationMs: latencyMs,
      attempts,
    },
    'converse done',
  );
  return {
    ...result,
    modelId,
    baseModelId: resolved.model.modelId,
    requestId: output.$metadata.requestId,
    latencyMs,
    attempts,
    cost: costOfUsage(resolved.model, result.usage),
  };
}

/** ConverseStream as the same typed event stream `stream()` yields. */
export function converseStream(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): TokenStream {
  return {
    async *[Symbol.asyncIterator]() {
      const resolved = await context.resolver.resolve(modelId, options.signal);
      chatCodecFor(context, resolved).validate(resolved.model, request);
      const fields = toConverseRequest(request);
      yield* retryStream(
        (_attempt, signal) => openConverseStream(context, modelId, fields, options.headers, signal),
        isContentEvent,
        context.retry,
        { signal: options.signal, context: { modelId, region: context.region, operation: 'ConverseStream' } },
      );
    },
  };
}

async function* openConverseStream(
  context: ClientContext,
  modelId: string,
  fields: ReturnType<typeof toConverseRequest>,
  headers: Readonly<Record<string, string>> | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEvent, void, undefined> {
  const link = linkedAbort(signal);
  let finished = false;
  try {
    const command = new ConverseStreamCommand({ modelId, ...fields });
    instrumentCommand(command, headers);
    const response = await context.runtime.send(command, abortOptions(link.signal));
    if (response.stream === undefined) throw new CodecError('ConverseStream answered without a stream body');
    const decoder = createConverseStreamDecoder({ modelId, requestId: response.$metadata.requestId });
    const iterator = response.stream[Symbol.asyncIterator]();
    let ended = false;
    for (;;) {
      const next = await nextWithin(iterator, context.streamIdleTimeoutMs, link.abort);
      if (next.done === true) break;
      for (const event of decoder.push(next.value)) {
        if (event.type === 'stream-end') ended = true;
        yield event;
      }
    }
    if (signal?.aborted === true) return;
    if (!ended) {
      throw new CodecError(
        'The Converse stream ended before its metadata event (the connection was cut). Retry the request.',
        {
          retryable: true,
        },
      );
    }
    finished = true;
  } finally {
    link.dispose();
    if (!finished) link.abort();
  }
}
