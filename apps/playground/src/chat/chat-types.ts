export interface ShownToolCall {
  readonly toolUseId: string;
  readonly name: string;
  /** The input as JSON text (complete, or the fragments received so far while streaming). */
  readonly input: string;
}

export interface ReplyStats {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly priced: boolean;
  /** Only for answers streamed in this page: the gateway keeps no latency on stored messages. */
  readonly latencyMs?: number;
}

/** A message as the chat shows it: a stored one, or the answer streaming right now. */
export interface ShownMessage {
  readonly id: string;
  readonly role: 'USER' | 'ASSISTANT';
  readonly content: string;
  readonly status: 'COMPLETE' | 'INTERRUPTED' | 'STREAMING';
  readonly modelId: string | null;
  readonly stopReason: string | null;
  readonly errorCode: string | null;
  readonly toolCalls: readonly ShownToolCall[];
  readonly stats: ReplyStats | null;
}
