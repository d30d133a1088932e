import type { ModelCatalog } from '@quarry/core/catalog';

import { findOperation, type RouteOperation } from '../control-plane/route-matcher.js';
import type { EmulatorRequest } from '../http/emulator-request.js';
import { invokeAgentRoute } from './invoke-agent.js';
import type { ObjectStore } from '../s3/object-store.js';
import { createKnowledgeBaseAdmin } from './knowledge-base-admin.js';
import { createKnowledgeBases } from './knowledge-bases.js';
import { retrieveRoute } from './retrieve.js';
import { retrieveAndGenerateRoutes } from './retrieve-and-generate.js';

export interface AgentRuntimeOptions {
  readonly catalog: ModelCatalog;
  /** Epoch milliseconds, for trace event times and ingestion jobs. */
  readonly now: () => number;
  /** The S3 store ingestion jobs read documents from. */
  readonly store: ObjectStore;
  readonly accountId: string;
  /** How long an ingestion job runs before its documents are searchable. */
  readonly ingestionDurationMs: number;
}

/**
 * Bedrock's agent runtime (`bedrock-agent-runtime`, bedrock-protocol.md §7): InvokeAgent, Retrieve,
 * RetrieveAndGenerate and RetrieveAndGenerateStream, plus bedrock-agent's knowledge-base, data-source
 * and ingestion-job operations that fill knowledge bases from the S3 store. Any agent, alias or
 * knowledge-base ID matching Bedrock's pattern (up to 10 letters and digits) exists; a malformed one
 * is a ValidationException. A knowledge base never created here is a synthetic corpus derived from its ID.
 */
export interface AgentRuntime {
  /** The agent-runtime operation for the method and path, not run yet; undefined when there is none. */
  match(request: EmulatorRequest): RouteOperation | undefined;
}

/** Synthetic knowledge bases are pure functions of their ID; created ones live in the instance. */
export function createAgentRuntime(options: AgentRuntimeOptions): AgentRuntime {
  const admin = createKnowledgeBaseAdmin(options);
  const knowledgeBases = createKnowledgeBases((region, id) => admin.chunksOf(region, id));
  const routes = [
    ...admin.routes,
    invokeAgentRoute(knowledgeBases, options.now),
    retrieveRoute(knowledgeBases),
    ...retrieveAndGenerateRoutes(options.catalog, knowledgeBases),
  ];
  return { match: (request) => findOperation(routes, request) };
}
