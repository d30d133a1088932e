import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest } from '../codec-kit/chat-types.js';
import { toConverseRequest } from '../converse/converse-request.js';
import { createConverseStreamDecoder, fromConverseResponse } from '../converse/converse-response.js';
import { costOfUsage } from '../cost/cost.js';
import { withRetry } from '../retry/with-retry.js';
import { callStream } from './call-stream.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, CallTokenStream, InvokeResult } from './client-types.js';

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
  const answer = await withRetry(
    (attempt) => {
      attempts = attempt;
      return context.transport.converse({
        modelId,
        fields,
        headers: options.headers,
        signal: options.signal,
      });
    },
    context.retry,
    { signal: options.signal, context: { modelId, region: context.region, operation: 'Converse' } },
  );
  const result = fromConverseResponse(answer.output);
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.converse.done',
      modelId,
      requestId: answer.requestId,
      durationMs: latencyMs,
      attempts,
    },
    'converse done',
  );
  return {
    ...result,
    modelId,
    baseModelId: resolved.model.modelId,
    requestId: answer.requestId,
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
): CallTokenStream {
  return {
    async *[Symbol.asyncIterator]() {
      const started = context.now();
      const resolved = await context.resolver.resolve(modelId, options.signal);
      chatCodecFor(context, resolved).validate(resolved.model, request);
      const fields = toConverseRequest(request);
      yield* callStream<ConverseStreamOutput>(context, {
        model: resolved.model,
        modelId,
        operation: 'ConverseStream',
        started,
        signal: options.signal,
        open: (abortSignal) =>
          context.transport.converseStream({
            modelId,
            fields,
            headers: options.headers,
            signal: abortSignal,
          }),
        createDecoder: (requestId) => createConverseStreamDecoder({ modelId, requestId }),
      });
    },
  };
}
