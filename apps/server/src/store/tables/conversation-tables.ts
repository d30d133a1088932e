/**
 * Row shapes of the conversation tables (migration 0001). Timestamps are ISO-8601 UTC strings
 * in both dialects: they sort as text, so cursors and ordering behave the same on SQLite and Postgres.
 */
export interface ConversationTable {
  readonly id: string;
  /** The calling key's id ("admin" until API keys exist); every read and write filters on it. */
  readonly owner: string;
  model_id: string;
  system: string | null;
  title: string | null;
  max_tokens: number | null;
  temperature: number | null;
  /** JSON: the tools the model may call in this conversation (core's ToolDefinition[]). */
  tools: string | null;
  /** JSON: core's ToolChoice. */
  tool_choice: string | null;
  readonly created_at: string;
  updated_at: string;
}

export type MessageStatusValue = 'complete' | 'interrupted' | 'streaming';

export interface MessageTable {
  readonly id: string;
  readonly conversation_id: string;
  /** 0, 1, 2, … per conversation, unique: the order of turns, and a guard against interleaving. */
  readonly position: number;
  readonly role: 'user' | 'assistant';
  content: string;
  /** JSON: tool calls of an assistant turn (core's ToolCall[]). */
  tool_calls: string | null;
  /** JSON: tool results a user turn answers with (core's tool-result parts). */
  tool_results: string | null;
  status: MessageStatusValue;
  /** The model that wrote an assistant turn (conversations can switch models). */
  model_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  stop_reason: string | null;
  /** How many history turns were sent with the request that produced this assistant turn. */
  turns_sent: number | null;
  /** Error code that ended an interrupted turn, when one did. */
  error_code: string | null;
  /** The gateway instance writing a `streaming` turn; crash recovery marks orphans by it. */
  writer: string | null;
  readonly created_at: string;
  updated_at: string;
}

export interface ConversationTables {
  conversations: ConversationTable;
  messages: MessageTable;
}
