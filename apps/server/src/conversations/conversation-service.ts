import { requireOperation } from '../governance/require-operation.js';
import {
  isQuarryError,
  QuarryError,
  ValidationError,
  type ChatMessage,
  type ChatRequest,
  type Logger,
  type QuarryClient,
  type ToolChoice,
  type ToolDefinition,
} from '@quarry/core';
import type { Caller } from '../governance/caller.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { GatewayStreamEvent } from '../streaming/gateway-stream-event.js';
import type { Store } from '../store/store.js';
import {
  fitToContextWindow,
  parseStoredJson,
  toChatMessages,
  type StoredToolResult,
} from './conversation-history.js';
import {
  createConversationRepository,
  type ConversationPatch,
  type ConversationRow,
  type FinishedTurn,
  type MessageRow,
  userTurnValues,
} from './conversation-repository.js';
import { createKeyedMutex } from './keyed-mutex.js';

export interface ConversationSettings {
  readonly modelId: string;
  readonly system?: string;
  readonly title?: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
}

export interface ConversationPage {
  readonly first?: number;
  readonly after?: string;
}

/** What a send starts with: the turn to add and who is asking. */
export interface SendInput {
  readonly caller: Caller;
  /** The caller's governed client: the answer's upstream call passes the caller's policy. */
  readonly client: QuarryClient;
  readonly conversationId: string;
  readonly content: string;
  readonly toolResults?: readonly StoredToolResult[];
  readonly signal: AbortSignal;
}

/**
 * Persisted conversations on top of the store and the Quarry client. Durability rules: the user
 * turn is committed before Bedrock is called; an answer is committed when complete (a stream's
 * text so far is saved as it arrives, so a crash keeps it); a failed or cut answer is left
 * INTERRUPTED; sends to one conversation are serialized. Knows nothing of GraphQL.
 */
export interface ConversationService {
  create(caller: Caller, settings: ConversationSettings, signal: AbortSignal): Promise<ConversationRow>;
  get(caller: Caller, id: string): Promise<ConversationRow | undefined>;
  list(caller: Caller, page: ConversationPage): Promise<ConversationRow[]>;
  update(caller: Caller, id: string, patch: ConversationPatch, signal: AbortSignal): Promise<ConversationRow>;
  delete(caller: Caller, id: string): Promise<boolean>;
  /** Turns of a conversation already read through get/list (which checked its owner). */
  messages(conversation: ConversationRow): Promise<MessageRow[]>;
  /** Returns the committed answer. */
  send(input: SendInput): Promise<MessageRow>;
  /**
   * Commits the user turn and an empty `streaming` answer, then returns the function that opens
   * the answer's events (call it at once: the conversation stays locked until the stream ends).
   * The stream-end event is sent only after the answer is committed and carries its ID; a stream
   * that fails, or whose signal aborts, leaves the answer INTERRUPTED with the text so far.
   */
  sendStream(input: SendInput): Promise<(signal: AbortSignal) => AsyncIterable<GatewayStreamEvent>>;
  /** Marks answers left `streaming` by a crashed gateway as INTERRUPTED; returns how many. */
  recover(): Promise<number>;
}

export interface ConversationServiceOptions {
  readonly store: Store;
  readonly client: QuarryClient;
  readonly logger: Logger;
  /** Identifies this gateway process on the answers it is streaming. */
  readonly writerId: string;
  /** How often a streaming answer's text so far is saved. @default 200 */
  readonly saveIntervalMs?: number;
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
/** Postgres is shared by instances: only answers no one has saved for this long are orphans. */
const POSTGRES_ORPHAN_AGE_MS = 120_000;
/** A placeholder user turn, so a settings check sees a request a family would accept. */
const PROBE_TURN: ChatMessage = { role: 'user', content: 'Hello' };

export function createConversationService(options: ConversationServiceOptions): ConversationService {
  const { client, logger } = options;
  const repository = createConversationRepository(options.store);
  const locks = createKeyedMutex();
  const saveIntervalMs = options.saveIntervalMs ?? 200;

  const notFound = (id: string): ValidationError =>
    new ValidationError(
      'conversationId',
      `No conversation ${id}: it was deleted, never existed, or belongs to another key.`,
    );

  async function owned(caller: Caller, id: string): Promise<ConversationRow> {
    const row = await repository.get(caller.keyId, id);
    if (row === undefined) throw notFound(id);
    return row;
  }

  /** The request for the next answer: settings, then the history trimmed to the model's window. */
  async function buildRequest(
    conversation: ConversationRow,
    history: readonly ChatMessage[],
    signal: AbortSignal,
  ): Promise<{ request: ChatRequest; turnsSent: number }> {
    const resolved = await client.resolveModel(conversation.model_id, { signal });
    const settings = settingsOf(conversation);
    const messages = fitToContextWindow(resolved.model, { ...settings, messages: history });
    const request: ChatRequest = { ...settings, messages };
    await client.validateChat(conversation.model_id, request, { signal });
    return { request, turnsSent: messages.length };
  }

  async function checkModel(
    modelId: string,
    request: ChatRequest,
    signal: AbortSignal,
    action: string,
  ): Promise<void> {
    try {
      await client.validateChat(modelId, request, { signal });
    } catch (error) {
      if (isQuarryError(error) && error.code === 'BAD_USER_INPUT') {
        throw new ValidationError('modelId', `${action} ${modelId}: ${error.message}`);
      }
      throw error;
    }
  }

  /** Waits for the conversation's turn, then commits the user turn; the caller releases. */
  async function begin(input: SendInput): Promise<{
    conversation: ConversationRow;
    request: ChatRequest;
    turnsSent: number;
    release: () => void;
  }> {
    requireOperation(input.caller, 'CONVERSATION', 'sendMessage');
    if (input.content === '' && (input.toolResults ?? []).length === 0) {
      throw new ValidationError('content', 'content is empty: send some text, or toolResults.');
    }
    const conversation = await owned(input.caller, input.conversationId);
    const release = await locks.acquire(conversation.id);
    try {
      if (input.signal.aborted) throw abortError(input.signal);
      // Re-read under the lock: an earlier send or a model switch may have changed it.
      const current = await owned(input.caller, conversation.id);
      const rows = await repository.messages(current.id);
      const toolResults =
        input.toolResults === undefined || input.toolResults.length === 0
          ? null
          : JSON.stringify(input.toolResults);
      const userTurn = toChatMessages([...rows, pendingUserTurn(current.id, input.content, toolResults)]);
      // Checked before the turn is committed, so a request the model refuses leaves no trace.
      const { request, turnsSent } = await buildRequest(current, userTurn, input.signal);
      await repository.appendUserTurn(current.id, input.content, toolResults);
      return { conversation: current, request, turnsSent, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  return {
    async create(caller, settings, signal) {
      requireOperation(caller, 'CONVERSATION', 'createConversation');
      const row: ConversationRow = {
        id: '',
        owner: caller.keyId,
        model_id: settings.modelId,
        system: settings.system ?? null,
        title: settings.title ?? null,
        max_tokens: settings.maxTokens ?? null,
        temperature: settings.temperature ?? null,
        tools: settings.tools === undefined ? null : JSON.stringify(settings.tools),
        tool_choice: settings.toolChoice === undefined ? null : JSON.stringify(settings.toolChoice),
        created_at: '',
        updated_at: '',
      };
      await checkModel(
        settings.modelId,
        { ...settingsOf(row), messages: [PROBE_TURN] },
        signal,
        'Cannot start a conversation with',
      );
      return repository.create({
        owner: row.owner,
        modelId: row.model_id,
        system: row.system,
        title: row.title,
        maxTokens: row.max_tokens,
        temperature: row.temperature,
        tools: row.tools,
        toolChoice: row.tool_choice,
      });
    },

    get: (caller, id) => {
      requireOperation(caller, 'CONVERSATION', 'conversation');
      return repository.get(caller.keyId, id);
    },

    list(caller, page) {
      requireOperation(caller, 'CONVERSATION', 'conversations');
      const first = page.first ?? DEFAULT_PAGE;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
        throw new ValidationError('first', `first must be between 1 and ${MAX_PAGE}, got ${first}.`);
      }
      return repository.list(caller.keyId, {
        first,
        ...(page.after !== undefined && { after: decodeCursor(page.after) }),
      });
    },

    async update(caller, id, patch, signal) {
      requireOperation(caller, 'CONVERSATION', 'updateConversation');
      const current = await owned(caller, id);
      const release = await locks.acquire(current.id);
      try {
        const next: ConversationRow = {
          ...current,
          ...(patch.modelId !== undefined && { model_id: patch.modelId }),
          ...(patch.system !== undefined && { system: patch.system }),
          ...(patch.maxTokens !== undefined && { max_tokens: patch.maxTokens }),
          ...(patch.temperature !== undefined && { temperature: patch.temperature }),
        };
        if (patch.modelId !== undefined || patch.system !== undefined || patch.maxTokens !== undefined) {
          // The whole history as the new settings would send it, plus a next user turn: a family
          // that cannot take tool calls, a system prompt or images says so now, not on the next send.
          const history = toChatMessages(await repository.messages(current.id));
          const resolved = await client.resolveModel(next.model_id, { signal }).catch((error: unknown) => {
            throw isQuarryError(error) && error.code !== 'MODEL_NOT_FOUND'
              ? error
              : new ValidationError(
                  'modelId',
                  `Cannot switch to ${next.model_id}: ${(error as Error).message}`,
                );
          });
          const messages = fitToContextWindow(resolved.model, {
            ...settingsOf(next),
            messages: [...history, PROBE_TURN],
          });
          await checkModel(
            next.model_id,
            { ...settingsOf(next), messages },
            signal,
            patch.modelId === undefined
              ? 'The new settings do not fit'
              : 'Cannot switch this conversation to',
          );
        }
        const updated = await repository.update(caller.keyId, id, patch);
        if (updated === undefined) throw notFound(id);
        return updated;
      } finally {
        release();
      }
    },

    delete: (caller, id) => {
      requireOperation(caller, 'CONVERSATION', 'deleteConversation');
      return repository.delete(caller.keyId, id);
    },

    messages: (conversation) => repository.messages(conversation.id),

    async send(input) {
      const { conversation, request, turnsSent, release } = await begin(input);
      try {
        let result;
        try {
          result = await input.client.invoke(conversation.model_id, request, { signal: input.signal });
        } catch (error) {
          await repository.appendAssistantTurn(conversation.id, {
            modelId: conversation.model_id,
            turnsSent,
            writer: options.writerId,
            ...interrupted('', error),
          });
          throw error;
        }
        return await repository.appendAssistantTurn(conversation.id, {
          modelId: conversation.model_id,
          turnsSent,
          writer: options.writerId,
          status: 'complete',
          content: result.text,
          toolCalls: result.toolCalls.length === 0 ? null : JSON.stringify(result.toolCalls),
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          costUsd: result.cost.totalUsd,
          stopReason: result.stopReason,
          errorCode: null,
        });
      } finally {
        release();
      }
    },

    async sendStream(input) {
      const { conversation, request, turnsSent, release } = await begin(input);
      let answer: MessageRow;
      try {
        answer = await repository.appendAssistantTurn(conversation.id, {
          modelId: conversation.model_id,
          turnsSent,
          writer: options.writerId,
          status: 'streaming',
        });
      } catch (error) {
        release();
        throw error;
      }
      return (signal) =>
        persistStream(
          input.client.stream(conversation.model_id, request, { signal }),
          answer.id,
          turnsSent,
          signal,
          release,
        );
    },

    async recover() {
      const count = await repository.interruptOrphans(
        options.store.dialect === 'sqlite'
          ? {} // One gateway process per SQLite file: whatever is still streaming was cut by a crash.
          : { staleBefore: new Date(Date.now() - POSTGRES_ORPHAN_AGE_MS).toISOString() },
      );
      if (count > 0) {
        logger.warn(
          { event: 'conversations.recovered', count },
          `marked ${count} answers cut by a crash INTERRUPTED`,
        );
      }
      return count;
    },
  };

  async function* persistStream(
    events: AsyncIterable<GatewayStreamEvent>,
    messageId: string,
    turnsSent: number,
    signal: AbortSignal,
    release: () => void,
  ): AsyncGenerator<GatewayStreamEvent, void, undefined> {
    let text = '';
    let saved = '';
    let savedAt = Date.now();
    let finished = false;
    let failure: unknown;
    try {
      for await (const event of events) {
        if (event.type === 'text-delta') {
          text += event.text;
          if (Date.now() - savedAt >= saveIntervalMs && text !== saved) {
            await repository.saveProgress(messageId, text);
            saved = text;
            savedAt = Date.now();
          }
        }
        if (event.type !== 'stream-end') {
          yield event;
          continue;
        }
        await repository.finishTurn(messageId, {
          status: 'complete',
          content: text,
          toolCalls: event.toolCalls.length === 0 ? null : JSON.stringify(event.toolCalls),
          inputTokens: event.usage.inputTokens,
          outputTokens: event.usage.outputTokens,
          costUsd: event.cost.totalUsd,
          stopReason: event.stopReason,
          errorCode: null,
        });
        finished = true;
        yield { ...event, messageId, turnsSent };
      }
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      try {
        if (!finished) {
          await repository.finishTurn(
            messageId,
            interrupted(text, failure ?? (signal.aborted ? signal.reason : undefined)),
          );
        }
      } catch (error) {
        // Left `streaming`: the next startup's recovery marks it.
        logger.error(
          { event: 'conversations.save-failed', err: error, messageId },
          'could not mark the answer interrupted',
        );
      } finally {
        release();
      }
    }
  }
}

function interrupted(content: string, error: unknown): FinishedTurn & { status: 'interrupted' } {
  return {
    status: 'interrupted',
    content,
    toolCalls: null,
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    stopReason: null,
    errorCode: isQuarryError(error) || error instanceof GatewayError ? error.code : null,
  };
}

/** The user turn as it will be stored, for building the request before it is committed. */
function pendingUserTurn(conversationId: string, content: string, toolResults: string | null): MessageRow {
  return {
    ...userTurnValues(content, toolResults),
    id: '',
    conversation_id: conversationId,
    position: Number.MAX_SAFE_INTEGER,
    created_at: '',
    updated_at: '',
  };
}

function settingsOf(row: ConversationRow): Omit<ChatRequest, 'messages'> {
  const tools = parseStoredJson(row.tools) as ToolDefinition[] | undefined;
  const toolChoice = parseStoredJson(row.tool_choice) as ToolChoice | undefined;
  return {
    ...(row.system !== null && { system: row.system }),
    ...(row.max_tokens !== null && { maxTokens: row.max_tokens }),
    ...(row.temperature !== null && { temperature: row.temperature }),
    ...(tools !== undefined && { tools }),
    ...(toolChoice !== undefined && { toolChoice }),
  };
}

export function encodeCursor(row: ConversationRow): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ValidationError('after', 'after is not a cursor from this API: pass a Conversation.cursor.');
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof QuarryError
    ? signal.reason
    : new QuarryError('UPSTREAM_UNAVAILABLE', 'The request was cancelled.', { retryable: true });
}
