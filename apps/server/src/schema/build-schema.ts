import { makeExecutableSchema } from '@graphql-tools/schema';
import type { ModelCatalog } from '@quarry/core';
import type { GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import type { Resolvers } from './__generated__/resolvers-types.js';
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
import { createMutationResolvers } from './resolvers/mutation-resolvers.js';
import { createQueryResolvers } from './resolvers/query-resolvers.js';
import { createSubscriptionResolvers } from './resolvers/subscription-resolvers.js';
import {
  agentEventResolvers,
  batchJobResolvers,
  embeddingResolvers,
  streamEventResolvers,
} from './resolvers/type-resolvers.js';

/** schema.graphql is the source of truth; the build copies it next to this file. */
function loadTypeDefs(): string {
  return readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
}

export function buildSchema(catalog: ModelCatalog): GraphQLSchema {
  const resolvers: Resolvers = {
    ...enumResolvers,
    JSON: jsonScalar,
    Query: { ...createQueryResolvers(), ...conversationQueryResolvers },
    Mutation: { ...createMutationResolvers(), ...conversationMutationResolvers },
    Subscription: { ...createSubscriptionResolvers(), ...conversationSubscriptionResolvers },
    Conversation: conversationResolvers,
    Message: createMessageResolvers(catalog),
    FoundationModel: createFoundationModelResolvers(catalog),
    Embedding: embeddingResolvers,
    StreamEvent: streamEventResolvers,
    AgentEvent: agentEventResolvers,
    BatchJob: batchJobResolvers,
  };
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
