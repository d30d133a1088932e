import {
  BedrockHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type EventStreamMessage,
} from '../../http/emulator-request.js';
import { eventMessage } from '../../http/event-stream-encoder.js';
import { sleep } from '../../latency.js';
import { hasTextBlock, type Reply } from '../chat/generate-reply.js';
import { groupTokens, splitJson } from '../families/family.js';
import { parseJsonBody } from '../malformed-input.js';
import type { InvocationTarget } from '../resolve-target.js';
import { elapsedMs, padding, replyTo, type RuntimeContext } from '../runtime-context.js';
import { createStreamPacer } from '../stream-pacing.js';
import {
  CONVERSE_STOP_REASONS,
  converseContentBlocks,
  converseToolUseId,
  converseUsage,
} from './converse-output.js';
import { conversePrompt, parseConverseRequest, type ConverseRequest } from './converse-request.js';

/** Converse (bedrock-protocol.md §2.4–2.5): one request shape for every text model. */
export async function converse(
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
  started: number,
): Promise<EmulatorResponse> {
  const { body, reply } = prepare(context, target, request);
  if (!context.latency.zero)
    await sleep(context.latency.totalMs(target.model, reply.outputTokens), request.signal);
  return {
    kind: 'json',
    status: 200,
    body: {
      output: { message: { role: 'assistant', content: converseContentBlocks(reply) } },
      stopReason: CONVERSE_STOP_REASONS[reply.stopReason],
      usage: converseUsage(reply),
      metrics: { latencyMs: elapsedMs(started) },
      ...additionalFields(body, reply),
    },
  };
}

/** ConverseStream (§2.6): messageStart, content block events, messageStop, metadata. */
export function converseStream(
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
  started: number,
): EmulatorResponse {
  // Checked before the Converse checks: Bedrock refuses non-streaming models (embeddings, images)
  // on every streaming operation with the same words.
  if (!target.model.streaming) {
    throw new BedrockHttpError(400, 'ValidationException', 'The model is unsupported for streaming.');
  }
  const { body, reply } = prepare(context, target, request);
  return {
    kind: 'event-stream',
    messages: streamEvents(context, target, body, reply, request.signal, started),
  };
}

function prepare(
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
): { body: ConverseRequest; reply: Reply } {
  const body = parseConverseRequest(parseJsonBody(request.body));
  const reply = replyTo(target.model, conversePrompt(target.model, body), request);
  context.stats.recordTokens(target.model.modelId, reply.inputTokens, reply.outputTokens);
  return { body, reply };
}

async function* streamEvents(
  context: RuntimeContext,
  target: InvocationTarget,
  body: ConverseRequest,
  reply: Reply,
  signal: AbortSignal,
  started: number,
): AsyncGenerator<EventStreamMessage> {
  const events: { type: string; payload: Record<string, unknown>; tokens: number }[] = [
    { type: 'messageStart', payload: { role: 'assistant' }, tokens: 0 },
  ];
  let index = 0;
  if (hasTextBlock(reply)) {
    for (const group of groupTokens(reply.tokens, 2)) {
      events.push({
        type: 'contentBlockDelta',
        payload: { contentBlockIndex: index, delta: { text: group.text } },
        tokens: group.tokens,
      });
    }
    events.push({ type: 'contentBlockStop', payload: { contentBlockIndex: index }, tokens: 0 });
    index++;
  }
  for (const call of reply.toolCalls) {
    events.push({
      type: 'contentBlockStart',
      payload: {
        contentBlockIndex: index,
        start: { toolUse: { toolUseId: converseToolUseId(call.id), name: call.name } },
      },
      tokens: 0,
    });
    const fragments = splitJson(JSON.stringify(call.input), 3);
    for (const fragment of fragments) {
      events.push({
        type: 'contentBlockDelta',
        payload: { contentBlockIndex: index, delta: { toolUse: { input: fragment } } },
        tokens: Math.ceil(reply.outputTokens / fragments.length),
      });
    }
    events.push({ type: 'contentBlockStop', payload: { contentBlockIndex: index }, tokens: 0 });
    index++;
  }
  events.push({
    type: 'messageStop',
    payload: { stopReason: CONVERSE_STOP_REASONS[reply.stopReason], ...additionalFields(body, reply) },
    tokens: 0,
  });

  const pace = createStreamPacer(context.latency, target.model, signal);
  for (const [position, event] of events.entries()) {
    // messageStart is the content-free opening event, sent with the headers.
    if (!(await pace(position === 0, event.tokens))) return;
    yield eventMessage(event.type, { ...event.payload, p: padding(position) });
  }
  yield eventMessage('metadata', {
    usage: converseUsage(reply),
    metrics: { latencyMs: elapsedMs(started) },
    p: padding(events.length),
  });
}

/** Honours `additionalModelResponseFieldPaths: ["/stop_sequence"]`, the one path callers commonly ask for. */
function additionalFields(body: ConverseRequest, reply: Reply): Record<string, unknown> {
  if (body.additionalModelResponseFieldPaths?.includes('/stop_sequence') !== true) return {};
  return { additionalModelResponseFields: { stop_sequence: reply.stopSequence ?? null } };
}
