import { z } from 'zod';

import { validationError } from '../control-plane/bedrock-errors.js';
import { parseJsonBody, parseWith } from '../control-plane/parse-input.js';
import { route, type Route } from '../control-plane/route-matcher.js';
import { toTimestamp } from '../control-plane/timestamps.js';
import type { EventStreamMessage } from '../http/emulator-request.js';
import { eventMessage } from '../http/event-stream-encoder.js';
import { naturalLength, synthesizeText, synthesizeTokens } from '../synthetic/synthetic-text.js';
import { resourceIdSchema, sessionIdSchema, TEST_ALIAS_ID } from './agent-ids.js';
import { syntheticUuid } from './synthetic-uuid.js';
import { asyncIterableOf } from './async-iterable-of.js';
import { composeAnswer, type Citation } from './generated-answer.js';
import { RetrievalConfigurationSchema, type KnowledgeBases } from './knowledge-bases.js';

const LabelsSchema = z.object({
  agentId: resourceIdSchema,
  agentAliasId: resourceIdSchema,
  sessionId: sessionIdSchema,
});

const BodySchema = z.object({
  inputText: z.string().max(25_000).optional(),
  enableTrace: z.boolean().optional(),
  endSession: z.boolean().optional(),
  memoryId: sessionIdSchema.optional(),
  sessionState: z
    .object({
      sessionAttributes: z.record(z.string(), z.string()).optional(),
      promptSessionAttributes: z.record(z.string(), z.string()).optional(),
      returnControlInvocationResults: z.array(z.unknown()).optional(),
      invocationId: z.string().optional(),
      files: z.array(z.unknown()).optional(),
      knowledgeBaseConfigurations: z
        .array(
          z.object({
            knowledgeBaseId: resourceIdSchema,
            retrievalConfiguration: RetrievalConfigurationSchema,
          }),
        )
        .optional(),
      conversationHistory: z.unknown().optional(),
    })
    .optional(),
  streamingConfigurations: z
    .object({
      streamFinalResponse: z.boolean().optional(),
      applyGuardrailInterval: z.number().int().min(1).optional(),
    })
    .optional(),
  bedrockModelConfigurations: z.unknown().optional(),
  promptCreationConfigurations: z.unknown().optional(),
});

type Body = z.output<typeof BodySchema>;

/** Tokens per `chunk` event when the caller asks for `streamFinalResponse`. */
const TOKENS_PER_STREAMED_CHUNK = 8;

interface Invocation {
  readonly agentId: string;
  readonly agentAliasId: string;
  readonly sessionId: string;
  readonly inputText: string;
  readonly body: Body;
  readonly region: string;
}

/**
 * InvokeAgent (bedrock-protocol.md §7.1). The answer is a function of the agent, alias and input
 * text. With `sessionState.knowledgeBaseConfigurations` it is grounded on the first knowledge base
 * and its last chunk carries the citations; with `enableTrace` pre-processing and orchestration
 * traces come first; with `streamingConfigurations.streamFinalResponse` the answer arrives in
 * several chunks instead of one.
 */
export function invokeAgentRoute(knowledgeBases: KnowledgeBases, now: () => number): Route {
  const answerFor = (
    invocation: Invocation,
  ): { text: string; pieces: string[]; citations: readonly Citation[] } => {
    const seed = `agent:${invocation.agentId}:${invocation.agentAliasId}:${invocation.inputText}`;
    const knowledgeBase = invocation.body.sessionState?.knowledgeBaseConfigurations?.[0];
    if (knowledgeBase !== undefined) {
      const retrieved = knowledgeBases.retrieve(
        invocation.region,
        knowledgeBase.knowledgeBaseId,
        invocation.inputText,
        knowledgeBase.retrievalConfiguration,
      );
      const answer = composeAnswer(
        seed,
        retrieved.map(({ document }) => document),
      );
      return {
        text: answer.text,
        pieces: answer.parts.map((part, index) => (index === 0 ? part : ` ${part}`)),
        citations: answer.citations,
      };
    }
    const tokens = synthesizeTokens(seed, naturalLength(seed));
    return { text: tokens.join(''), pieces: tokens, citations: [] };
  };

  const traceMessages = (invocation: Invocation, answer: string): EventStreamMessage[] => {
    const traceBase = syntheticUuid(`trace:${invocation.sessionId}:${invocation.inputText}`);
    const envelope = {
      agentId: invocation.agentId,
      agentAliasId: invocation.agentAliasId,
      agentVersion: invocation.agentAliasId === TEST_ALIAS_ID ? 'DRAFT' : '1',
      sessionId: invocation.sessionId,
      eventTime: toTimestamp(now()),
    };
    const rationale = synthesizeText(`rationale:${invocation.inputText}`, 16);
    const traces = [
      {
        preProcessingTrace: {
          modelInvocationInput: {
            traceId: `${traceBase}-pre-0`,
            text: invocation.inputText,
            type: 'PRE_PROCESSING',
          },
        },
      },
      {
        preProcessingTrace: {
          modelInvocationOutput: {
            traceId: `${traceBase}-pre-0`,
            parsedResponse: { isValid: true, rationale },
          },
        },
      },
      { orchestrationTrace: { rationale: { traceId: `${traceBase}-0`, text: rationale } } },
      {
        orchestrationTrace: {
          observation: { traceId: `${traceBase}-0`, type: 'FINISH', finalResponse: { text: answer } },
        },
      },
    ];
    return traces.map((trace) => eventMessage('trace', { ...envelope, trace }));
  };

  return route(
    'POST',
    '/agents/:agentId/agentAliases/:agentAliasId/sessions/:sessionId/text',
    (request, labels) => {
      const ids = parseWith(LabelsSchema, {
        agentId: labels.get('agentId'),
        agentAliasId: labels.get('agentAliasId'),
        sessionId: labels.get('sessionId'),
      });
      const body = parseJsonBody(request, BodySchema);
      const returningControl = (body.sessionState?.returnControlInvocationResults?.length ?? 0) > 0;
      if ((body.inputText === undefined || body.inputText === '') && !returningControl) {
        throw validationError(
          `1 validation error detected: Value at 'inputText' failed to satisfy constraint: Member must not be null`,
        );
      }
      const invocation: Invocation = {
        ...ids,
        inputText: body.inputText ?? '',
        body,
        region: request.region,
      };
      const answer = answerFor(invocation);
      const streamed = body.streamingConfigurations?.streamFinalResponse === true;
      const chunks: string[] = [];
      if (streamed) {
        for (let start = 0; start < answer.pieces.length; start += TOKENS_PER_STREAMED_CHUNK) {
          chunks.push(answer.pieces.slice(start, start + TOKENS_PER_STREAMED_CHUNK).join(''));
        }
      } else {
        chunks.push(answer.text);
      }
      const messages = [
        ...(body.enableTrace === true ? traceMessages(invocation, answer.text) : []),
        ...chunks.map((chunk, index) =>
          eventMessage('chunk', {
            bytes: Buffer.from(chunk, 'utf8').toString('base64'),
            ...(index === chunks.length - 1 &&
              answer.citations.length > 0 && { attribution: { citations: answer.citations } }),
          }),
        ),
      ];
      return {
        kind: 'event-stream',
        headers: {
          'x-amzn-bedrock-agent-content-type': 'application/json',
          'x-amz-bedrock-agent-session-id': ids.sessionId,
          ...(body.memoryId !== undefined && { 'x-amz-bedrock-agent-memory-id': body.memoryId }),
        },
        messages: asyncIterableOf(messages),
      };
    },
    { eventStream: true },
  );
}
