import { randomUUID } from 'node:crypto';

import {
  InvokeAgentCommand,
  RetrieveAndGenerateCommand,
  RetrieveAndGenerateStreamCommand,
  RetrieveCommand,
  type BedrockAgentRuntimeClient,
  type Citation as SdkCitation,
  type InvokeAgentCommandInput,
  type RetrieveAndGenerateCommandInput,
  type RetrievalFilter as SdkRetrievalFilter,
  type RetrievedReference,
  type KnowledgeBaseRetrievalResult,
} from '@aws-sdk/client-bedrock-agent-runtime';

import { instrumentCommand } from '../client/call-middleware.js';
import type { ClientContext } from '../client/client-context.js';
import type { CallOptions } from '../client/client-types.js';
import { within, type ScheduleTimeout } from '../client/idle-watchdog.js';
import { abortOptions, linkedAbort } from '../client/linked-abort.js';
import { ValidationError } from '../errors/quarry-error.js';
import { retryStream } from '../retry/retry-stream.js';
import { withRetry } from '../retry/with-retry.js';
import type {
  AgentEvent,
  AgentResult,
  AnswerEvent,
  Citation,
  GeneratedAnswer,
  InvokeAgentRequest,
  RetrieveAndGenerateRequest,
  RetrieveOptions,
  RetrieveResult,
  RetrievedChunk,
} from './agent-types.js';

/** Knowledge bases and agents (`bedrock-agent-runtime`), with core's retry, abort and error rules. */
export interface AgentRuntimeApi {
  /** Chunks of a knowledge base for a query, best first. */
  retrieve(knowledgeBaseId: string, query: string, options?: RetrieveOptions): Promise<RetrieveResult>;
  /** An answer generated from a knowledge base's chunks, with citations. */
  retrieveAndGenerate(request: RetrieveAndGenerateRequest, options?: CallOptions): Promise<GeneratedAnswer>;
  /** The same answer as it is generated; retried only before its first text. */
  retrieveAndGenerateStream(
    request: RetrieveAndGenerateRequest,
    options?: CallOptions,
  ): AsyncIterable<AnswerEvent>;
  /** One agent turn as events (chunks, traces, return of control), ending with `agent-end`. */
  invokeAgentStream(request: InvokeAgentRequest, options?: CallOptions): AsyncIterable<AgentEvent>;
  /** One agent turn collected into its answer. */
  invokeAgent(request: InvokeAgentRequest, options?: CallOptions): Promise<AgentResult>;
}

/** The alias of an agent's working draft. */
const DRAFT_ALIAS = 'TSTALIASID';

export function createAgentRuntimeApi(
  context: ClientContext,
  client: BedrockAgentRuntimeClient | undefined,
): AgentRuntimeApi {
  const requireClient = (): BedrockAgentRuntimeClient => {
    if (client === undefined) {
      throw new ValidationError(
        'agentRuntime',
        'This Quarry client has no agent-runtime SDK client; pass `agentRuntime` to createQuarryClient (connectQuarryClient does).',
      );
    }
    return client;
  };
  const retryOptions = (operation: string, signal: AbortSignal | undefined) => ({
    signal,
    context: { region: context.region, operation },
  });

  const ragInput = (request: RetrieveAndGenerateRequest): RetrieveAndGenerateCommandInput => {
    requireText('query', request.query);
    requireText('knowledgeBaseId', request.knowledgeBaseId);
    return {
      input: { text: request.query },
      ...(request.sessionId !== undefined && { sessionId: request.sessionId }),
      retrieveAndGenerateConfiguration: {
        type: 'KNOWLEDGE_BASE',
        knowledgeBaseConfiguration: {
          knowledgeBaseId: request.knowledgeBaseId,
          modelArn: modelArnOf(request.modelId, context.region),
          ...searchConfiguration(request.numberOfResults, request.filter),
        },
      },
    };
  };

  const openStream = <Event>(
    operation: string,
    open: (
      signal: AbortSignal,
    ) => Promise<{ events: AsyncIterable<Event> | undefined; header: string | undefined }>,
    signal: AbortSignal | undefined,
  ): AsyncIterable<{ header: string | undefined; event: Event | undefined }> =>
    retryStream(
      (_attempt, attemptSignal) =>
        readStream(open, context.streamIdleTimeoutMs, context.scheduleTimeout, attemptSignal),
      // The opening marker (event undefined) is not content: failures before the first event retry.
      (item) => item.event !== undefined,
      context.retry,
      retryOptions(operation, signal),
    );

  const invokeAgentStream = async function* (
    request: InvokeAgentRequest,
    options: CallOptions = {},
  ): AsyncGenerator<AgentEvent, void, undefined> {
    const agentRuntime = requireClient();
    if (request.inputText === undefined && request.returnControlResults === undefined) {
      throw new ValidationError(
        'inputText',
        'invokeAgent needs inputText, or returnControlResults to answer a return of control.',
      );
    }
    const sessionId = request.sessionId ?? randomUUID();
    const input: InvokeAgentCommandInput = {
      agentId: request.agentId,
      agentAliasId: request.agentAliasId ?? DRAFT_ALIAS,
      sessionId,
      ...(request.inputText !== undefined && { inputText: request.inputText }),
      ...(request.enableTrace !== undefined && { enableTrace: request.enableTrace }),
      ...(request.endSession !== undefined && { endSession: request.endSession }),
      sessionState: {
        ...(request.sessionAttributes !== undefined && {
          sessionAttributes: { ...request.sessionAttributes },
        }),
        ...(request.returnControlResults !== undefined && {
          invocationId: request.returnControlResults.invocationId,
          returnControlInvocationResults: request.returnControlResults.results as never,
        }),
        ...(request.knowledgeBaseIds !== undefined && {
          knowledgeBaseConfigurations: request.knowledgeBaseIds.map((knowledgeBaseId) => ({
            knowledgeBaseId,
            retrievalConfiguration: { vectorSearchConfiguration: {} },
          })),
        }),
      },
    };
    let returnedSession = sessionId;
    let text = '';
    for await (const { header, event } of openStream(
      'InvokeAgent',
      async (signal) => {
        const command = new InvokeAgentCommand(input);
        instrumentCommand(command, options.headers);
        const output = await agentRuntime.send(command, abortOptions(signal));
        return { events: output.completion, header: output.sessionId };
      },
      options.signal,
    )) {
      if (header !== undefined) returnedSession = header;
      if (event === undefined) continue;
      if (event.chunk !== undefined) {
        const chunkText = new TextDecoder().decode(event.chunk.bytes ?? new Uint8Array());
        text += chunkText;
        yield {
          type: 'chunk',
          text: chunkText,
          citations: (event.chunk.attribution?.citations ?? []).map(toCitation),
        };
      } else if (event.trace !== undefined) {
        yield { type: 'trace', trace: JSON.parse(JSON.stringify(event.trace)) as Record<string, unknown> };
      } else if (event.returnControl !== undefined) {
        yield {
          type: 'return-control',
          invocationId: event.returnControl.invocationId ?? '',
          inputs: JSON.parse(JSON.stringify(event.returnControl.invocationInputs ?? [])) as Record<
            string,
            unknown
          >[],
        };
      } else {
        throwStreamException(event as unknown as Record<string, unknown>);
      }
    }
    yield { type: 'agent-end', sessionId: returnedSession, text };
  };

  return {
    async retrieve(knowledgeBaseId, query, options = {}) {
      const agentRuntime = requireClient();
      requireText('query', query);
      requireText('knowledgeBaseId', knowledgeBaseId);
      const output = await withRetry(
        () =>
          agentRuntime.send(
            new RetrieveCommand({
              knowledgeBaseId,
              retrievalQuery: { text: query },
              ...(options.nextToken !== undefined && { nextToken: options.nextToken }),
              ...(options.numberOfResults !== undefined || options.filter !== undefined
                ? {
                    retrievalConfiguration: searchConfiguration(options.numberOfResults, options.filter)
                      .retrievalConfiguration,
                  }
                : {}),
            }),
            abortOptions(options.signal),
          ),
        context.retry,
        retryOptions('Retrieve', options.signal),
      );
      return {
        results: (output.retrievalResults ?? []).map(toChunk),
        nextToken: output.nextToken,
        requestId: output.$metadata.requestId,
      };
    },
    async retrieveAndGenerate(request, options = {}) {
      const agentRuntime = requireClient();
      const input = ragInput(request);
      const output = await withRetry(
        () => agentRuntime.send(new RetrieveAndGenerateCommand(input), abortOptions(options.signal)),
        context.retry,
        retryOptions('RetrieveAndGenerate', options.signal),
      );
      return {
        text: output.output?.text ?? '',
        sessionId: output.sessionId ?? '',
        citations: (output.citations ?? []).map(toCitation),
        requestId: output.$metadata.requestId,
      };
    },
    async *retrieveAndGenerateStream(request, options = {}) {
      const agentRuntime = requireClient();
      const input = ragInput(request);
      let sessionId = request.sessionId ?? '';
      let text = '';
      for await (const { header, event } of openStream(
        'RetrieveAndGenerateStream',
        async (signal) => {
          const output = await agentRuntime.send(
            new RetrieveAndGenerateStreamCommand(input),
            abortOptions(signal),
          );
          return { events: output.stream, header: output.sessionId };
        },
        options.signal,
      )) {
        if (header !== undefined) sessionId = header;
        if (event === undefined) continue;
        if (event.output !== undefined) {
          text += event.output.text ?? '';
          yield { type: 'text-delta', text: event.output.text ?? '' };
        } else if (event.citation !== undefined) {
          yield { type: 'citation', citation: toCitation(event.citation) };
        } else if (event.guardrail === undefined) {
          throwStreamException(event as unknown as Record<string, unknown>);
        }
      }
      yield { type: 'answer-end', sessionId, text };
    },
    invokeAgentStream,
    async invokeAgent(request, options = {}) {
      let sessionId = request.sessionId ?? '';
      let text = '';
      const citations: Citation[] = [];
      const traces: Record<string, unknown>[] = [];
      let returnControl: AgentResult['returnControl'];
      for await (const event of invokeAgentStream(request, options)) {
        switch (event.type) {
          case 'chunk':
            citations.push(...event.citations);
            break;
          case 'trace':
            traces.push({ ...event.trace });
            break;
          case 'return-control':
            returnControl = { invocationId: event.invocationId, inputs: event.inputs };
            break;
          case 'agent-end':
            sessionId = event.sessionId;
            text = event.text;
            break;
        }
      }
      return { sessionId, text, citations, traces, returnControl };
    },
  };
}

/**
 * One attempt at an agent-runtime event stream: an opening marker carrying the session header,
 * then each event, with the opening and every gap bounded by `idleMs` and the caller's abort
 * cancelling the request at once.
 */
async function* readStream<Event>(
  open: (
    signal: AbortSignal,
  ) => Promise<{ events: AsyncIterable<Event> | undefined; header: string | undefined }>,
  idleMs: number,
  schedule: ScheduleTimeout,
  signal: AbortSignal | undefined,
): AsyncGenerator<{ header: string | undefined; event: Event | undefined }, void, undefined> {
  const link = linkedAbort(signal);
  let finished = false;
  try {
    const opened = await within(open(link.signal), idleMs, link.abort, schedule);
    yield { header: opened.header, event: undefined };
    if (opened.events === undefined) return;
    const iterator = opened.events[Symbol.asyncIterator]();
    for (;;) {
      const next = await within(iterator.next(), idleMs, link.abort, schedule);
      signal?.throwIfAborted();
      if (next.done === true) break;
      yield { header: undefined, event: next.value };
    }
    finished = true;
  } finally {
    // Stopping early (break, return, a thrown error) cancels the upstream request.
    if (!finished) link.abort();
    link.dispose();
  }
}

/** An in-stream exception member (`throttlingException`, …) rethrown as its SDK-named error. */
function throwStreamException(event: Record<string, unknown>): void {
  const [member, value] = Object.entries(event).find(([, candidate]) => candidate !== undefined) ?? [];
  if (member === undefined || !member.endsWith('Exception')) return; // unknown event types are skipped
  const error = new Error((value as { message?: string } | undefined)?.message ?? member);
  error.name = member.charAt(0).toUpperCase() + member.slice(1);
  throw error;
}

function requireText(field: string, value: string): void {
  if (value.trim() === '') throw new ValidationError(field, `${field} must not be empty.`);
}

/** RetrieveAndGenerate wants a model ARN; a base model ID becomes its foundation-model ARN. */
function modelArnOf(modelId: string, region: string): string {
  if (modelId.startsWith('arn:')) return modelId;
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

function searchConfiguration(
  numberOfResults: number | undefined,
  filter: Readonly<Record<string, unknown>> | undefined,
): {
  retrievalConfiguration?: {
    vectorSearchConfiguration: { numberOfResults?: number; filter?: SdkRetrievalFilter };
  };
} {
  if (numberOfResults === undefined && filter === undefined) return {};
  if (
    numberOfResults !== undefined &&
    (!Number.isInteger(numberOfResults) || numberOfResults < 1 || numberOfResults > 100)
  ) {
    throw new ValidationError(
      'numberOfResults',
      `numberOfResults must be an integer from 1 to 100, got ${numberOfResults}.`,
    );
  }
  return {
    retrievalConfiguration: {
      vectorSearchConfiguration: {
        ...(numberOfResults !== undefined && { numberOfResults }),
        ...(filter !== undefined && { filter: filter as unknown as SdkRetrievalFilter }),
      },
    },
  };
}

function toChunk(result: KnowledgeBaseRetrievalResult | RetrievedReference): RetrievedChunk {
  const location = result.location as Record<string, unknown> | undefined;
  return {
    text: result.content?.text ?? '',
    score: 'score' in result ? result.score : undefined,
    uri: uriOf(location),
    location:
      location === undefined ? undefined : (JSON.parse(JSON.stringify(location)) as Record<string, unknown>),
    metadata: JSON.parse(JSON.stringify(result.metadata ?? {})) as Record<string, unknown>,
  };
}

/** The URI inside whichever `*Location` member the location type uses. */
function uriOf(location: Record<string, unknown> | undefined): string | undefined {
  if (location === undefined) return undefined;
  for (const [key, value] of Object.entries(location)) {
    if (!key.endsWith('Location') || typeof value !== 'object' || value === null) continue;
    const { uri, url, id } = value as { uri?: unknown; url?: unknown; id?: unknown };
    const found = [uri, url, id].find((candidate) => typeof candidate === 'string');
    if (typeof found === 'string') return found;
  }
  return undefined;
}

function toCitation(citation: SdkCitation): Citation {
  const part = citation.generatedResponsePart?.textResponsePart;
  return {
    text: part?.text ?? '',
    start: part?.span?.start ?? 0,
    end: part?.span?.end ?? 0,
    references: (citation.retrievedReferences ?? []).map(toChunk),
  };
}
