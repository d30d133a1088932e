import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest } from '../codec-kit/chat-types.js';
import { validateChatRequest } from '../codec-kit/validate-chat-request.js';
import { toConverseRequest } from '../converse/converse-request.js';
import { createConverseStreamDecoder, fromConverseResponse } from '../converse/converse-response.js';
import { costOfUsage } from '../cost/cost.js';
import { withRetry } from '../retry/with-retry.js';
import { deferredIterator } from '../stream/deferred-iterator.js';
import { callStream } from './call-stream.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, CallStreamEvent, CallTokenStream, InvokeResult } from './client-types.js';
import type { ChatTarget } from './model-resolver.js';

/** Chat through Bedrock's Converse API: one request shape for every model that supports it. */
export async function converse(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): Promise<InvokeResult> {
  const started = context.now();
  const target = await context.resolver.resolveChat(modelId, options.signal);
  return converseTarget(context, target, request, options, started);
}

/** What a Converse call needs to know of its model, whether the catalog or only Bedrock knows it. */
function modelOf(target: ChatTarget) {
  return target.kind === 'catalog' ? target.resolved.model : target.model;
}

/**
 * Refuses what the model cannot take before any call. The family's rules still apply to catalog
 * models (Converse forwards to the same model with the same limits); live-only models get the
 * checks every family shares, with no limits the list does not give.
 */
export function validateChatTarget(context: ClientContext, target: ChatTarget, request: ChatRequest): void {
  if (target.kind === 'catalog')
    chatCodecFor(context, target.resolved).validate(target.resolved.model, request);
  else validateChatRequest(target.model, request);
}

/** Converse on an already resolved model; `invoke` sends live-only models here. */
export async function converseTarget(
  context: ClientContext,
  target: ChatTarget,
  request: ChatRequest,
  options: CallOptions,
  started: number,
): Promise<InvokeResult> {
  const modelId = target.kind === 'catalog' ? target.resolved.id : target.id;
  validateChatTarget(context, target, request);
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
  const model = modelOf(target);
  return {
    ...result,
    modelId,
    baseModelId: model.modelId,
    requestId: answer.requestId,
    latencyMs,
    attempts,
    cost: costOfUsage(model, result.usage),
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
    [Symbol.asyncIterator]: () =>
      deferredIterator(async () => {
        const started = context.now();
        const target = await context.resolver.resolveChat(modelId, options.signal);
        return converseStreamTarget(context, target, request, options, started);
      }),
  };
}

/** ConverseStream on an already resolved model; `stream` sends live-only models here. */
export function converseStreamTarget(
  context: ClientContext,
  target: ChatTarget,
  request: ChatRequest,
  options: CallOptions,
  started: number,
): AsyncIterableIterator<CallStreamEvent, void, undefined> {
  const modelId = target.kind === 'catalog' ? target.resolved.id : target.id;
  validateChatTarget(context, target, request);
  const fields = toConverseRequest(request);
  return callStream<ConverseStreamOutput>(context, {
    model: modelOf(target),
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
}
