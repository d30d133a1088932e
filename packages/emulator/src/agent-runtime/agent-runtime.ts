import type { ModelCatalog } from '@quarry/core/catalog';

import { findOperation, type RouteOperation } from '../control-plane/route-matcher.js';
import type { EmulatorRequest } from '../http/emulator-request.js';
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
  /** The agent-runtime operation for the method and path, not run yet; undefined when there is none. */
  match(request: EmulatorRequest): RouteOperation | undefined;
}

/** Stateless apart from a cache of synthetic corpora, so instances never disagree. */
export function createAgentRuntime(options: AgentRuntimeOptions): AgentRuntime {
  const knowledgeBases = createKnowledgeBases();
  const routes = [
    invokeAgentRoute(knowledgeBases, options.now),
    retrieveRoute(knowledgeBases),
    ...retrieveAndGenerateRoutes(options.catalog, knowledgeBases),
  ];
  return { match: (request) => findOperation(routes, request) };
}
