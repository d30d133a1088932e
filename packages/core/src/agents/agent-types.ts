import type { CallOptions } from '../client/client-types.js';

/** A metadata filter in Bedrock's RetrievalFilter shape (`equals`, `andAll`, …), passed through. */
export type RetrievalFilter = Readonly<Record<string, unknown>>;

export interface RetrieveOptions extends CallOptions {
  /** Results wanted. @default Bedrock's 5 */
  readonly numberOfResults?: number | undefined;
  readonly filter?: RetrievalFilter | undefined;
  /** Continues an earlier Retrieve of the same query. */
  readonly nextToken?: string | undefined;
}

/** One retrieved chunk. */
export interface RetrievedChunk {
  readonly text: string;
  /** Relevance in [0, 1]; absent in citations, which carry no score. */
  readonly score: number | undefined;
  /** The source location's URI (S3, web, …) when it has one. */
  readonly uri: string | undefined;
  /** Bedrock's `location` object as returned. */
  readonly location: Readonly<Record<string, unknown>> | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface RetrieveResult {
  readonly results: readonly RetrievedChunk[];
  readonly nextToken: string | undefined;
  readonly requestId: string | undefined;
}

/** A part of a generated answer and the chunks that back it. */
export interface Citation {
  readonly text: string;
  /** Character offsets of `text` in the answer; `end` inclusive, as Bedrock reports it. */
  readonly start: number;
  readonly end: number;
  readonly references: readonly RetrievedChunk[];
}

export interface RetrieveAndGenerateRequest {
  readonly knowledgeBaseId: string;
  /** A model ID, inference-profile ID or ARN; base model IDs are sent as foundation-model ARNs. */
  readonly modelId: string;
  readonly query: string;
  /** Continues a conversation: pass the `sessionId` of the previous answer. */
  readonly sessionId?: string | undefined;
  readonly numberOfResults?: number | undefined;
  readonly filter?: RetrievalFilter | undefined;
}

export interface GeneratedAnswer {
  readonly text: string;
  readonly sessionId: string;
  readonly citations: readonly Citation[];
  readonly requestId: string | undefined;
}

/** RetrieveAndGenerateStream's events; the last one is `answer-end`. */
export type AnswerEvent =
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'citation'; readonly citation: Citation }
  | { readonly type: 'answer-end'; readonly sessionId: string; readonly text: string };

/** The results of the functions or APIs an agent handed back to the caller (return of control). */
export interface ReturnControlResults {
  readonly invocationId: string;
  /** Bedrock's `returnControlInvocationResults` items, passed through. */
  readonly results: readonly Readonly<Record<string, unknown>>[];
}

export interface InvokeAgentRequest {
  readonly agentId: string;
  /** @default 'TSTALIASID' (the agent's working draft) */
  readonly agentAliasId?: string | undefined;
  /** Same id across turns keeps the conversation; a new one is made when omitted. */
  readonly sessionId?: string | undefined;
  /** Required unless `returnControlResults` is given. */
  readonly inputText?: string | undefined;
  readonly enableTrace?: boolean | undefined;
  readonly endSession?: boolean | undefined;
  readonly sessionAttributes?: Readonly<Record<string, string>> | undefined;
  readonly returnControlResults?: ReturnControlResults | undefined;
  /** Knowledge bases the agent may search this turn. */
  readonly knowledgeBaseIds?: readonly string[] | undefined;
}

/** InvokeAgent's events in order; the last one is `agent-end`. */
export type AgentEvent =
  | { readonly type: 'chunk'; readonly text: string; readonly citations: readonly Citation[] }
  | { readonly type: 'trace'; readonly trace: Readonly<Record<string, unknown>> }
  | {
      readonly type: 'return-control';
      readonly invocationId: string;
      /** Bedrock's `invocationInputs` (function or API calls the caller must run), passed through. */
      readonly inputs: readonly Readonly<Record<string, unknown>>[];
    }
  | { readonly type: 'agent-end'; readonly sessionId: string; readonly text: string };

export interface AgentResult {
  readonly sessionId: string;
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly traces: readonly Readonly<Record<string, unknown>>[];
  /** Set when the agent handed control back instead of answering. */
  readonly returnControl:
    | { readonly invocationId: string; readonly inputs: readonly Readonly<Record<string, unknown>>[] }
    | undefined;
}
