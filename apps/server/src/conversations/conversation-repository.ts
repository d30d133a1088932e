import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type {
  ConversationTable,
  MessageStatusValue,
  MessageTable,
} from '../store/tables/conversation-tables.js';

export type ConversationRow = ConversationTable;
export type MessageRow = MessageTable;

export interface NewConversation {
  readonly owner: string;
  readonly modelId: string;
  readonly system: string | null;
  readonly title: string | null;
  readonly maxTokens: number | null;
  readonly temperature: number | null;
  readonly tools: string | null;
  readonly toolChoice: string | null;
}

export interface ConversationPatch {
  readonly modelId?: string;
  readonly title?: string | null;
  readonly system?: string | null;
  readonly maxTokens?: number | null;
  readonly temperature?: number | null;
}

export interface FinishedTurn {
  readonly content: string;
  readonly status: Exclude<MessageStatusValue, 'streaming'>;
  readonly toolCalls: string | null;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number | null;
  readonly stopReason: string | null;
  readonly errorCode: string | null;
}

/**
 * Rows of conversations and their turns. Every method that takes an owner filters on it, so a
 * caller can neither read nor change another key's conversations (a miss looks like "not found").
 */
export interface ConversationRepository {
  create(input: NewConversation): Promise<ConversationRow>;
  get(owner: string, id: string): Promise<ConversationRow | undefined>;
  /** Newest first; `after` is the (createdAt, id) of the last row of the previous page. */
  list(
    owner: string,
    page: { readonly first: number; readonly after?: { createdAt: string; id: string } },
  ): Promise<ConversationRow[]>;
  update(owner: string, id: string, patch: ConversationPatch): Promise<ConversationRow | undefined>;
  delete(owner: string, id: string): Promise<boolean>;
  messages(conversationId: string): Promise<MessageRow[]>;
  /** Appends a committed user turn at the next position. */
  appendUserTurn(conversationId: string, content: string, toolResults: string | null): Promise<MessageRow>;
  /** Appends an assistant turn: `streaming` (filled in by progress/finish) or already finished. */
  appendAssistantTurn(
    conversationId: string,
    turn: { readonly modelId: string; readonly turnsSent: number; readonly writer: string } & (
      { readonly status: 'streaming' } | FinishedTurn
    ),
  ): Promise<MessageRow>;
  /** Saves the text received so far of a streaming turn (so a crash keeps it). */
  saveProgress(messageId: string, content: string): Promise<void>;
  finishTurn(messageId: string, turn: FinishedTurn): Promise<MessageRow>;
  /**
   * Marks streaming turns left by dead writers as interrupted: every one (`writer` undefined) or
   * those not saved since `staleBefore`. Returns how many.
   */
  interruptOrphans(options: { readonly staleBefore?: string }): Promise<number>;
}

const now = (): string => new Date().toISOString();

/** A user turn's columns, as stored; `toolResults` is JSON text or null. */
export function userTurnValues(
  content: string,
  toolResults: string | null,
): Omit<MessageRow, 'id' | 'conversation_id' | 'position' | 'created_at' | 'updated_at'> {
  return {
    role: 'user',
    content,
    tool_calls: null,
    tool_results: toolResults,
    status: 'complete',
    model_id: null,
    input_tokens: null,
    output_tokens: null,
    cost_usd: null,
    stop_reason: null,
    turns_sent: null,
    error_code: null,
    writer: null,
  };
}

export function createConversationRepository(store: Store): ConversationRepository {
  const { db } = store;

  async function append(
    conversationId: string,
    values: Omit<MessageRow, 'id' | 'conversation_id' | 'position' | 'created_at' | 'updated_at'>,
  ): Promise<MessageRow> {
    return db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('messages')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      const at = now();
      const row: MessageRow = {
        id: randomUUID(),
        conversation_id: conversationId,
        position: last?.position == null ? 0 : last.position + 1,
        created_at: at,
        updated_at: at,
        ...values,
      };
      await trx.insertInto('messages').values(row).execute();
      await trx
        .updateTable('conversations')
        .set({ updated_at: at })
        .where('id', '=', conversationId)
        .execute();
      return row;
    });
  }

  return {
    async create(input) {
      const at = now();
      const row: ConversationRow = {
        id: randomUUID(),
        owner: input.owner,
        model_id: input.modelId,
        system: input.system,
        title: input.title,
        max_tokens: input.maxTokens,
        temperature: input.temperature,
        tools: input.tools,
        tool_choice: input.toolChoice,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('conversations').values(row).execute();
      return row;
    },

    get: (owner, id) =>
      db
        .selectFrom('conversations')
        .selectAll()
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst(),

    list(owner, { first, after }) {
      let query = db.selectFrom('conversations').selectAll().where('owner', '=', owner);
      if (after !== undefined) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(first).execute();
    },

    async update(owner, id, patch) {
      const set: Partial<ConversationRow> = {
        updated_at: now(),
        ...(patch.modelId !== undefined && { model_id: patch.modelId }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.system !== undefined && { system: patch.system }),
        ...(patch.maxTokens !== undefined && { max_tokens: patch.maxTokens }),
        ...(patch.temperature !== undefined && { temperature: patch.temperature }),
      };
      const result = await db
        .updateTable('conversations')
        .set(set)
        .where('owner', '=', owner)
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return undefined;
      return this.get(owner, id);
    },

    async delete(owner, id) {
      return db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('conversations')
          .select('id')
          .where('owner', '=', owner)
          .where('id', '=', id)
          .executeTakeFirst();
        if (owned === undefined) return false;
        await trx.deleteFrom('messages').where('conversation_id', '=', id).execute();
        await trx.deleteFrom('conversations').where('id', '=', id).execute();
        return true;
      });
    },

    messages: (conversationId) =>
      db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('position', 'asc')
        .execute(),

    appendUserTurn: (conversationId, content, toolResults) =>
      append(conversationId, userTurnValues(content, toolResults)),

    appendAssistantTurn: (conversationId, turn) =>
      append(conversationId, {
        role: 'assistant',
        model_id: turn.modelId,
        turns_sent: turn.turnsSent,
        tool_results: null,
        ...(turn.status === 'streaming'
          ? {
              content: '',
              status: 'streaming',
              tool_calls: null,
              input_tokens: null,
              output_tokens: null,
              cost_usd: null,
              stop_reason: null,
              error_code: null,
              writer: turn.writer,
            }
          : { ...finishedColumns(turn), writer: null }),
      }),

    async saveProgress(messageId, content) {
      await db
        .updateTable('messages')
        .set({ content, updated_at: now() })
        .where('id', '=', messageId)
        .where('status', '=', 'streaming')
        .execute();
    },

    async finishTurn(messageId, turn) {
      await db
        .updateTable('messages')
        .set({ ...finishedColumns(turn), writer: null, updated_at: now() })
        .where('id', '=', messageId)
        .execute();
      return db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirstOrThrow();
    },

    async interruptOrphans({ staleBefore }) {
      let query = db
        .updateTable('messages')
        .set({ status: 'interrupted', error_code: 'UPSTREAM_UNAVAILABLE', writer: null })
        .where('status', '=', 'streaming');
      if (staleBefore !== undefined) query = query.where('updated_at', '<', staleBefore);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

function finishedColumns(turn: FinishedTurn) {
  return {
    content: turn.content,
    status: turn.status,
    tool_calls: turn.toolCalls,
    input_tokens: turn.inputTokens,
    output_tokens: turn.outputTokens,
    cost_usd: turn.costUsd,
    stop_reason: turn.stopReason,
    error_code: turn.errorCode,
  } as const;
}
