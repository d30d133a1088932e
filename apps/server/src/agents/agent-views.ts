import {
  ValidationError,
  type AgentEvent,
  type Citation,
  type InvokeAgentRequest,
  type RetrievedChunk,
} from '@quarry/core';

import type { InvokeAgentInput } from '../schema/__generated__/resolvers-types.js';

/** RetrievalResult as the schema serves it. */
export interface RetrievalResultView {
  readonly text: string;
  readonly score: number | null;
  readonly uri: string | null;
  readonly metadata: unknown;
}

export interface CitationView {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  references: RetrievalResultView[];
}

/** invokeAgentStream's events, tagged with their GraphQL type. */
export type AgentEventView =
  | { readonly __typename: 'AgentChunk'; readonly text: string; readonly citations: CitationView[] }
  | { readonly __typename: 'AgentTrace'; readonly trace: unknown }
  | { readonly __typename: 'ReturnControl'; readonly invocationId: string; readonly inputs: unknown }
  | { readonly __typename: 'AgentEnd'; readonly sessionId: string; readonly text: string };

export function toRetrievalResult(chunk: RetrievedChunk): RetrievalResultView {
  return { text: chunk.text, score: chunk.score ?? null, uri: chunk.uri ?? null, metadata: chunk.metadata };
}

export function toCitationView(citation: Citation): CitationView {
  return {
    text: citation.text,
    start: citation.start,
    end: citation.end,
    references: citation.references.map(toRetrievalResult),
  };
}

export function toAgentEventView(event: AgentEvent): AgentEventView {
  switch (event.type) {
    case 'chunk':
      return { __typename: 'AgentChunk', text: event.text, citations: event.citations.map(toCitationView) };
    case 'trace':
      return { __typename: 'AgentTrace', trace: event.trace };
    case 'return-control':
      return { __typename: 'ReturnControl', invocationId: event.invocationId, inputs: event.inputs };
    case 'agent-end':
      return { __typename: 'AgentEnd', sessionId: event.sessionId, text: event.text };
  }
}

/** A JSON argument that must be an object (filters, session attributes). */
export function jsonObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, `${field} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

export function toInvokeAgentRequest(input: InvokeAgentInput): InvokeAgentRequest {
  const attributes =
    input.sessionAttributes == null ? undefined : jsonObject(input.sessionAttributes, 'sessionAttributes');
  if (attributes !== undefined && Object.values(attributes).some((value) => typeof value !== 'string')) {
    throw new ValidationError('sessionAttributes', 'sessionAttributes must map names to strings.');
  }
  const results = input.returnControlResults;
  if (results != null && (!Array.isArray(results) || input.returnControlInvocationId == null)) {
    throw new ValidationError(
      'returnControlResults',
      'returnControlResults must be a JSON array of Bedrock returnControlInvocationResults, sent with returnControlInvocationId.',
    );
  }
  return {
    agentId: input.agentId,
    ...(input.agentAliasId != null && { agentAliasId: input.agentAliasId }),
    ...(input.sessionId != null && { sessionId: input.sessionId }),
    ...(input.inputText != null && { inputText: input.inputText }),
    ...(input.enableTrace != null && { enableTrace: input.enableTrace }),
    ...(input.endSession != null && { endSession: input.endSession }),
    ...(attributes !== undefined && { sessionAttributes: attributes as Record<string, string> }),
    ...(results != null &&
      input.returnControlInvocationId != null && {
        returnControlResults: {
          invocationId: input.returnControlInvocationId,
          results: results as Record<string, unknown>[],
        },
      }),
    ...(input.knowledgeBaseIds != null && { knowledgeBaseIds: input.knowledgeBaseIds }),
  };
}
