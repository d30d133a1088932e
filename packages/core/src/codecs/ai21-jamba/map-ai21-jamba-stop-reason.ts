import type { StopReason } from '../../codec-kit/chat-types.js';

/** Jamba's `finish_reason` values (OpenAI vocabulary). */
type JambaFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

const STOP_REASONS = {
  // Jamba reports a matched stop sequence as `stop` too; the two cannot be told apart.
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'content_filtered',
} as const satisfies Record<JambaFinishReason, StopReason>;

/** Maps Jamba's `finish_reason`; values newer than this table read as `end_turn` (the raw value is kept). */
export function mapAi21JambaStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as JambaFinishReason] : 'end_turn';
}
