import type { CodegenConfig } from '@graphql-codegen/cli';
import { enumResolvers } from './src/schema/resolvers/enum-resolvers.js';

// Resolver types generated from the SDL, so a schema change that breaks a resolver fails typecheck.
// `pnpm --filter @quarry/server codegen` rewrites the file; a test fails when it is stale.
const config: CodegenConfig = {
  schema: ['src/schema/schema.graphql', 'src/schema/governance.graphql'],
  generates: {
    'src/schema/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../../context.js#GatewayContext',
        useIndexSignature: false,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { JSON: 'unknown', ID: 'string' },
        // GraphQL enum names → the values core uses, so resolvers pass core values straight through.
        enumValues: enumResolvers,
        mappers: {
          FoundationModel: '../../models/model-view.js#ModelView',
          Embedding: '../../mapping/embedding-view.js#EmbeddingView',
          StreamEvent: '../../streaming/gateway-stream-event.js#GatewayStreamEvent',
          StreamStart: '../../streaming/gateway-stream-event.js#StreamStartEvent',
          TextDelta: '../../streaming/gateway-stream-event.js#TextDeltaEvent',
          ToolUseDelta: '../../streaming/gateway-stream-event.js#ToolUseDeltaEvent',
          StreamEnd: '../../streaming/gateway-stream-event.js#StreamEndEvent',
          ApiKey: '../../governance/api-key-record.js#ApiKeyView',
          UsageRow: '../../governance/usage-ledger.js#UsageTotals',
          AuditEntry: '../../governance/audit-chain.js#AuditRecord',
          Conversation: '../../conversations/conversation-repository.js#ConversationRow',
          Message: '../../conversations/conversation-repository.js#MessageRow',
          BatchJob: '../../batch/batch-job-view.js#BatchJobView',
        },
      },
    },
  },
};

export default config;
