import {
  BedrockHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type EventStreamMessage,
} from '../http/emulator-request.js';
import { eventMessage } from '../http/event-stream-encoder.js';
import { sleep } from '../latency.js';
import type { Reply } from './chat/generate-reply.js';
import { FAMILIES } from './families/family-registry.js';
import type { ChatFamily } from './families/family.js';
import { parseJsonBody } from './malformed-input.js';
import type { InvocationTarget } from './resolve-target.js';
import { elapsedMs, padding, replyTo, type RuntimeContext } from './runtime-context.js';
import { createStreamPacer } from './stream-pacing.js';

/**
 * InvokeModel: the family's native body in and out, plus the token-count and latency headers
 * boto3 users read (bedrock-protocol.md §2.2). Realistic latency delays the whole answer.
 */
export async function invokeModel(
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
  started: number,
): Promise<EmulatorResponse> {
  const { model } = target;
  const family = FAMILIES[model.family];
  const body = parseJsonBody(request.body);
  let responseBody: unknown;
  let inputTokens: number;
  let outputTokens = 0;
  switch (family.kind) {
    case 'chat': {
      const reply = replyTo(model, family.parseRequest(body, model), request);
      await wait(context, request, context.latency.totalMs(model, reply.outputTokens));
      responseBody = family.renderResponse(reply, model);
      inputTokens = reply.inputTokens;
      outputTokens = reply.outputTokens;
      break;
    }
    case 'embed': {
      const output = family.embed(body, model);
      await wait(context, request, context.latency.profileFor(model).firstTokenMs);
      responseBody = output.body;
      inputTokens = output.inputTokens;
      break;
    }
    case 'image': {
      const output = family.generate(body, model, context.images);
      await wait(context, request, context.latency.profileFor(model).firstTokenMs * output.images);
      responseBody = output.body;
      inputTokens = output.inputTokens;
      break;
    }
  }
  context.stats.recordTokens(model.modelId, inputTokens, outputTokens);
  return {
    kind: 'json',
    status: 200,
    headers: {
      ...echoedHeaders(request),
      'x-amzn-bedrock-invocation-latency': String(elapsedMs(started)),
      'x-amzn-bedrock-input-token-count': String(inputTokens),
      'x-amzn-bedrock-output-token-count': String(outputTokens),
    },
    body: responseBody,
  };
}

/**
 * InvokeModelWithResponseStream: `chunk` events whose `bytes` hold one native JSON chunk each; the
 * last adds `amazon-bedrock-invocationMetrics` (§2.3, §3.7). Embedding and image models answer the
 * ValidationException Bedrock uses for models without streaming.
 */
export function invokeModelWithResponseStream(
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
  started: number,
): EmulatorResponse {
  const { model } = target;
  const family = FAMILIES[model.family];
  if (!model.streaming || family.kind !== 'chat') {
    throw new BedrockHttpError(400, 'ValidationException', 'The model is unsupported for streaming.');
  }
  const reply = replyTo(model, family.parseRequest(parseJsonBody(request.body), model), request);
  context.stats.recordTokens(model.modelId, reply.inputTokens, reply.outputTokens);
  return {
    kind: 'event-stream',
    headers: { ...echoedHeaders(request), 'x-amzn-bedrock-content-type': 'application/json' },
    messages: chunkEvents(context, target, family, reply, request.signal, started),
  };
}

async function* chunkEvents(
  context: RuntimeContext,
  target: InvocationTarget,
  family: ChatFamily,
  reply: Reply,
  signal: AbortSignal,
  started: number,
): AsyncGenerator<EventStreamMessage> {
  const { model } = target;
  const chunks = family.renderChunks(reply, model);
  const pace = createStreamPacer(context.latency, model, signal);
  let firstByteLatency: number | undefined;
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (chunk === undefined) continue;
    const opening = chunk.opening === true;
    if (!(await pace(opening, chunk.outputTokens))) return;
    // Measured at the first chunk the model wrote, not at the opening chunk sent with the headers,
    // so the metric keeps meaning "time to first token" as it does on Bedrock.
    if (!opening) firstByteLatency ??= elapsedMs(started);
    const body =
      index === chunks.length - 1
        ? {
            ...chunk.body,
            'amazon-bedrock-invocationMetrics': {
              inputTokenCount: reply.inputTokens,
              outputTokenCount: reply.outputTokens,
              invocationLatency: elapsedMs(started),
              firstByteLatency: firstByteLatency ?? elapsedMs(started),
            },
          }
        : chunk.body;
    yield eventMessage('chunk', {
      bytes: Buffer.from(JSON.stringify(body)).toString('base64'),
      p: padding(index),
    });
  }
}

async function wait(context: RuntimeContext, request: EmulatorRequest, ms: number): Promise<void> {
  if (!context.latency.zero) await sleep(ms, request.signal);
}

/** Performance and tier choices are echoed back the way the SDK maps them (§2.2). */
function echoedHeaders(request: EmulatorRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  const latency = request.headers['x-amzn-bedrock-performanceconfig-latency'];
  if (latency !== undefined) headers['x-amzn-bedrock-performanceconfig-latency'] = latency;
  const tier = request.headers['x-amzn-bedrock-service-tier'];
  if (tier !== undefined) headers['x-amzn-bedrock-service-tier'] = tier;
  return headers;
}
