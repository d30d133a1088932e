/**
 * Internal values of the GraphQL enums: resolvers return core's values ('end_turn', 'user', …)
 * and graphql-js serialises them to the schema's names (END_TURN, USER, …). Mirrors codegen.ts.
 */
export const enumResolvers = {
  StopReason: {
    END_TURN: 'end_turn',
    MAX_TOKENS: 'max_tokens',
    STOP_SEQUENCE: 'stop_sequence',
    TOOL_USE: 'tool_use',
    GUARDRAIL_INTERVENED: 'guardrail_intervened',
    CONTENT_FILTERED: 'content_filtered',
  },
  Role: { USER: 'user', ASSISTANT: 'assistant' },
  MessageStatus: { COMPLETE: 'complete', INTERRUPTED: 'interrupted', STREAMING: 'streaming' },
  ImageFormat: { PNG: 'png', JPEG: 'jpeg', GIF: 'gif', WEBP: 'webp' },
  EmbedInputType: {
    SEARCH_DOCUMENT: 'search_document',
    SEARCH_QUERY: 'search_query',
    CLASSIFICATION: 'classification',
    CLUSTERING: 'clustering',
  },
  ToolChoiceMode: { AUTO: 'auto', ANY: 'any', TOOL: 'tool' },
  CommitmentDuration: { ONE_MONTH: 'OneMonth', SIX_MONTHS: 'SixMonths' },
} as const;
