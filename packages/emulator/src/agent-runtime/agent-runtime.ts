import type { ModelCatalog } from '@quarry/core/catalog';

import { dispatch } from '../control-plane/route-matcher.js';
import type { EmulatorRequest, EmulatorResponse } from '../http/emulator-request.js';
import { invokeAgentRoute } from './invoke-agent.js';
import { createKnowledgeBases } from './knowledge-bases.js';
import { retrieveRoute } from './retrieve.js';
import { retrieveAndGenerateRoutes } from './retrieve-and-generate.js';

export interface AgentRuntimeOptions {
  readonly catalog: ModelCatalog;
  /** Epoch milliseconds, for trace event times. */
  readonly now: () => number;
}

/**
 * Bedrock's agent runtime (`bedrock-agent-runtime`, bedrock-protocol.md §7): InvokeAgent, Retrieve,
 * RetrieveAndGenerate and RetrieveAndGenerateStream. Output is a function of the request. Any agent,
 * alias or knowledge-base ID matching Bedrock's pattern (up to 10 letters and digits) exists; a
 * malformed one is a ValidationException. Each knowledge base is a synthetic corpus derived from its ID.
 */
export interface AgentRuntime {
  /** Answers an agent-runtime operation; undefined when the method and path are not one. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse> | undefined;
}

/** Stateless apart from a cache of synthetic corpora, so instances never disagree. */
export function createAgentRuntime(options: AgentRuntimeOptions): AgentRuntime {
  const knowledgeBases = createKnowledgeBases();
  const routes = [
    invokeAgentRoute(knowledgeBases, options.now),
    retrieveRoute(knowledgeBases),
    ...retrieveAndGenerateRoutes(options.catalog, knowledgeBases),
  ];
  return { handle: (request) => dispatch(routes, request) };
}
