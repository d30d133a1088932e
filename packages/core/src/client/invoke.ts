import type { ChatRequest, Usage } from '../codecs/chat-types.js';
import { costOfUsage, type Cost } from '../cost/cost.js';
import { usageFromHeaders } from './call-middleware.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, InvokeRawResult, InvokeResult } from './client-types.js';
import { sendInvoke } from './send-invoke.js';

/** Chat completion through InvokeModel and the family's codec. */
export async function invoke(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): Promise<InvokeResult> {
  const started = context.now();
  const resolved = await context.resolver.resolve(modelId, options.signal);
  const codec = chatCodecFor(context, resolved);
  codec.validate(resolved.model, request);
  const body = JSON.stringify(codec.encodeRequest(request));
  const sent = await sendInvoke(context, modelId, body, options);
  const result = codec.decodeResponse(sent.json);
  // Bedrock's headers are its billing counts, and some families' bodies carry none.
  const usage = toUsage(usageFromHeaders(sent.capture.headers)) ?? result.usage;
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.invoke.done',
      modelId,
      requestId: sent.requestId,
      durationMs: latencyMs,
      attempts: sent.attempts,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      stopReason: result.stopReason,
    },
    'invoke done',
  );
  return {
    ...result,
    usage,
    modelId,
    baseModelId: resolved.model.modelId,
    requestId: sent.requestId,
    latencyMs,
    attempts: sent.attempts,
    cost: costOfUsage(resolved.model, usage),
  };
}

/** Passes a native body through untouched; works for models the catalog does not know. */
export async function invokeRaw(
  context: ClientContext,
  modelId: string,
  body: unknown,
  options: CallOptions = {},
): Promise<InvokeRawResult> {
  const started = context.now();
  const resolved = await context.resolver.tryResolve(modelId, options.signal);
  const sent = await sendInvoke(context, modelId, JSON.stringify(body), options);
  const usage = toUsage(usageFromHeaders(sent.capture.headers)) ?? {
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
  };
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.invoke-raw.done',
      modelId,
      requestId: sent.requestId,
      durationMs: latencyMs,
      attempts: sent.attempts,
    },
    'invokeRaw done',
  );
  return {
    body: sent.json,
    usage,
    modelId,
    baseModelId: resolved?.model.modelId ?? modelId,
    requestId: sent.requestId,
    latencyMs,
    attempts: sent.attempts,
    cost: resolved === undefined ? unpriced() : costOfUsage(resolved.model, usage),
  };
}

export function toUsage(
  counts: { inputTokens: number; outputTokens: number } | undefined,
): Usage | undefined {
  return counts === undefined
    ? undefined
    : { ...counts, totalTokens: counts.inputTokens + counts.outputTokens };
}

function unpriced(): Cost {
  return { inputUsd: 0, outputUsd: 0, totalUsd: 0, priced: false };
}
