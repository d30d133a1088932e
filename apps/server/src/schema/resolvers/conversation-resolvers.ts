import { costFor, type ModelCatalog, type StopReason, type ToolCall } from '@quarry/core';
import { parseStoredJson } from '../../conversations/conversation-history.js';
import type { MessageRow } from '../../conversations/conversation-repository.js';
import { encodeCursor } from '../../conversations/conversation-service.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { toChatRequest } from '../../mapping/to-chat-request.js';
import { abortableIterator } from '../../streaming/abortable-iterator.js';
import type {
  ConversationResolvers,
  MessageResolvers,
  MutationResolvers,
  QueryResolvers,
  SubscriptionResolvers,
  ToolResultInput,
} from '../__generated__/resolvers-types.js';
import { passEvent } from '../../streaming/pass-event.js';

type ConversationQueries = Pick<QueryResolvers, 'conversation' | 'conversations'>;
type ConversationMutations = Pick<
  MutationResolvers,
  'createConversation' | 'sendMessage' | 'updateConversation' | 'deleteConversation'
>;

export const conversationQueryResolvers: ConversationQueries = {
  conversation: async (_root, { id }, context) =>
    (await context.conversations.get(context.caller, id)) ?? null,
  conversations: (_root, { first, after }, context) =>
    context.conversations.list(context.caller, {
      ...(first != null && { first }),
      ...(after != null && { after }),
    }),
};

export const conversationMutationResolvers: ConversationMutations = {
  createConversation: (_root, { input }, context) => {
    // toChatRequest owns the checks of tools and toolChoice; the placeholder prompt is discarded.
    const { tools, toolChoice } = toChatRequest({
      modelId: input.modelId,
      prompt: '',
      ...(input.tools != null && { tools: input.tools }),
      ...(input.toolChoice != null && { toolChoice: input.toolChoice }),
    });
    return context.conversations.create(
      context.caller,
      {
        modelId: input.modelId,
        ...(input.system != null && { system: input.system }),
        ...(input.title != null && { title: input.title }),
        ...(input.maxTokens != null && { maxTokens: input.maxTokens }),
        ...(input.temperature != null && { temperature: input.temperature }),
        ...(tools !== undefined && { tools }),
        ...(toolChoice !== undefined && { toolChoice }),
      },
      context.signal,
    );
  },
  sendMessage: (_root, { conversationId, content, toolResults }, context) =>
    context.conversations.send({
      caller: context.caller,
      client: context.client,
      conversationId,
      content,
      toolResults: toStoredResults(toolResults),
      signal: context.signal,
    }),
  updateConversation: (_root, { id, input }, context) =>
    context.conversations.update(
      context.caller,
      id,
      {
        ...(input.modelId != null && { modelId: input.modelId }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.system !== undefined && { system: input.system }),
        ...(input.maxTokens !== undefined && { maxTokens: input.maxTokens }),
        ...(input.temperature !== undefined && { temperature: input.temperature }),
      },
      context.signal,
    ),
  deleteConversation: (_root, { id }, context) => context.conversations.delete(context.caller, id),
};

export const conversationSubscriptionResolvers: Pick<SubscriptionResolvers, 'sendMessageStream'> = {
  sendMessageStream: {
    subscribe: async (_root, { conversationId, content, toolResults }, context) => {
      if (!context.streams.tryAcquire()) {
        throw new GatewayError(
          'RATE_LIMITED',
          `The gateway is serving its maximum of ${context.streams.limit} concurrent streams; retry shortly or use the sendMessage mutation.`,
        );
      }
      let open;
      try {
        open = await context.conversations.sendStream({
          caller: context.caller,
          client: context.client,
          conversationId,
          content,
          toolResults: toStoredResults(toolResults),
          signal: context.signal,
        });
      } catch (error) {
        context.streams.release();
        throw error;
      }
      return abortableIterator(open, context.signal, () => {
        context.streams.release();
      });
    },
    resolve: passEvent,
  },
};

export const conversationResolvers: ConversationResolvers = {
  id: (row) => row.id,
  modelId: (row) => row.model_id,
  system: (row) => row.system,
  title: (row) => row.title,
  maxTokens: (row) => row.max_tokens,
  temperature: (row) => row.temperature,
  messages: (row, _args, context) => context.conversations.messages(row),
  createdAt: (row) => row.created_at,
  updatedAt: (row) => row.updated_at,
  cursor: (row) => encodeCursor(row),
};

export function createMessageResolvers(catalog: ModelCatalog): MessageResolvers {
  const usageOf = (row: { input_tokens: number | null; output_tokens: number | null }) =>
    row.input_tokens === null || row.output_tokens === null
      ? null
      : {
          inputTokens: row.input_tokens,
          outputTokens: row.output_tokens,
          totalTokens: row.input_tokens + row.output_tokens,
        };
  return {
    id: (row) => row.id,
    // role and status: graphql-js reads them off the row (same names, core's enum values).
    content: (row) => row.content,
    usage: usageOf,
    cost: (row) => {
      const usage = usageOf(row);
      return usage === null || row.model_id === null ? null : costFor(catalog, row.model_id, usage);
    },
    modelId: (row) => row.model_id,
    // Codegen types resolvers of remapped enums as null; the value is core's StopReason.
    stopReason: ((row: MessageRow): StopReason | null =>
      row.stop_reason as StopReason | null) as unknown as NonNullable<MessageResolvers['stopReason']>,
    toolCalls: (row) => [...((parseStoredJson(row.tool_calls) as ToolCall[] | undefined) ?? [])],
    turnsSent: (row) => row.turns_sent,
    errorCode: (row) => row.error_code,
    createdAt: (row) => row.created_at,
  };
}

function toStoredResults(results: readonly ToolResultInput[] | null | undefined) {
  return (results ?? []).map((result) => ({
    toolUseId: result.toolUseId,
    content: result.content,
    ...(result.isError != null && { isError: result.isError }),
  }));
}
