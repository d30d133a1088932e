import { makeExecutableSchema } from '@graphql-tools/schema';
import type { ModelCatalog } from '@quarry/core';
import type { GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { governRootFields } from './govern-root-fields.js';
import { jsonScalar } from './json-scalar.js';
import {
  conversationMutationResolvers,
  conversationQueryResolvers,
  conversationResolvers,
  conversationSubscriptionResolvers,
  createMessageResolvers,
} from './resolvers/conversation-resolvers.js';
import { enumResolvers } from './resolvers/enum-resolvers.js';
import { createFoundationModelResolvers } from './resolvers/foundation-model-resolvers.js';
import { createGovernanceResolvers } from './resolvers/governance-resolvers.js';
import { createMutationResolvers } from './resolvers/mutation-resolvers.js';
import { createQueryResolvers } from './resolvers/query-resolvers.js';
import { createSubscriptionResolvers } from './resolvers/subscription-resolvers.js';
import {
  agentEventResolvers,
  batchJobResolvers,
  embeddingResolvers,
  streamEventResolvers,
} from './resolvers/type-resolvers.js';

/** The SDL files are the source of truth (codegen.ts reads the same list); the build copies them next to this file. */
const SCHEMA_FILES = ['schema.graphql', 'governance.graphql'] as const;

function loadTypeDefs(): string[] {
  return SCHEMA_FILES.map((file) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
}

export function buildSchema(catalog: ModelCatalog): GraphQLSchema {
  const governance = createGovernanceResolvers();
  const resolvers: Resolvers = governRootFields({
    ...enumResolvers,
    JSON: jsonScalar,
    Query: { ...createQueryResolvers(), ...conversationQueryResolvers, ...governance.query },
    Mutation: {
      ...createMutationResolvers(),
      ...conversationMutationResolvers,
      ...governance.mutation,
    },
    Subscription: { ...createSubscriptionResolvers(), ...conversationSubscriptionResolvers },
    ...governance.types,
    Conversation: conversationResolvers,
    Message: createMessageResolvers(catalog),
    FoundationModel: createFoundationModelResolvers(catalog),
    Embedding: embeddingResolvers,
    StreamEvent: streamEventResolvers,
    AgentEvent: agentEventResolvers,
    BatchJob: batchJobResolvers,
  });
  // In place: the default copies every type of the schema to attach resolvers (a fifth of the
  // gateway's cold start); the schema built here from the SDL has no other user to protect.
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers, updateResolversInPlace: true });
}
