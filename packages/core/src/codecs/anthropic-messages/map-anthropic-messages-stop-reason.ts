import type { StopReason } from '../../codec-kit/chat-types.js';

/** Every `stop_reason` Claude on Bedrock documents (bedrock-protocol.md §5.1). */
type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'refusal'
  | 'pause_turn'
  | 'model_context_window_exceeded';

const STOP_REASONS = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
  // The model declined for safety reasons: the closest neutral reason is a filtered answer.
  refusal: 'content_filtered',
  // A server tool paused a long turn; the answer so far is complete enough to hand back.
  pause_turn: 'end_turn',
  model_context_window_exceeded: 'max_tokens',
} as const satisfies Record<AnthropicStopReason, StopReason>;

/** Maps Claude's `stop_reason`; values newer than this table read as `end_turn` (the raw value is kept). */
export function mapAnthropicMessagesStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as AnthropicStopReason] : 'end_turn';
}
