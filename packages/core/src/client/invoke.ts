import type { ChatRequest } from '../codec-kit/chat-types.js';
import { usageOf } from '../codec-kit/usage.js';
import { costOfUsage, type Cost } from '../cost/cost.js';
import { ValidationError } from '../errors/quarry-error.js';
import { usageFromHeaders } from './call-middleware.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, InvokeRawResult, InvokeResult } from './client-types.js';
import { sendInvoke } from './send-invoke.js';
import { converseTarget } from './converse.js';

/** Chat completion through InvokeModel and the family's codec. */
export async function invoke(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): Promise<InvokeResult> {
  const started = context.now();
  const target = await context.resolver.resolveChat(modelId, options.signal);
  // A model only Bedrock's list knows has no codec here: Converse speaks to every family.
  if (target.kind === 'live') return converseTarget(context, target, request, options, started);
  const resolved = target.resolved;
  const codec = chatCodecFor(context, resolved);
  codec.validate(resolved.model, request);
  const body = JSON.stringify(codec.encodeRequest(request));
  const sent = await sendInvoke(context, modelId, body, options);
  const result = codec.decodeResponse(sent.json);
  // Bedrock's headers are its billing counts, and some families' bodies carry none.
  const usage = usageFromHeaders(sent.headers) ?? result.usage;
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
  // invokeRaw takes IDs the catalog does not know (custom models, ARNs), so nothing else refuses an
  // empty one: it would become the path /model//invoke, which no Bedrock operation answers.
  if (modelId.trim() === '')
    throw new ValidationError(
      'modelId',
      'modelId is empty: give a model ID, inference profile ID or ARN, e.g. "anthropic.claude-3-haiku-20240307-v1:0".',
    );
  const text = nativeBodyText(body);
  const resolved = await context.resolver.tryResolve(modelId, options.signal);
  const sent = await sendInvoke(context, modelId, text, options);
  const usage = usageFromHeaders(sent.headers) ?? usageOf(0, 0);
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

function unpriced(): Cost {
  return { inputUsd: 0, outputUsd: 0, totalUsd: 0, priced: false };
}

/** A native body is a JSON object; anything else would reach Bedrock as a confusing schema error. */
function nativeBodyText(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError(
      'body',
      "body must be a JSON object: the model family's native InvokeModel request.",
    );
  }
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new ValidationError('body', `body cannot be serialised as JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
