import type { StopReason } from '../../codec-kit/chat-types.js';

/** Nova's `stopReason` values: Converse's vocabulary (bedrock-protocol.md §2.5, §5.5). */
type NovaStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'content_filtered'
  | 'guardrail_intervened'
  | 'malformed_model_output'
  | 'malformed_tool_use'
  | 'model_context_window_exceeded';

const STOP_REASONS = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
  content_filtered: 'content_filtered',
  guardrail_intervened: 'guardrail_intervened',
  // The turn ended with output the model could not finish well-formed; the text so far is all there is.
  malformed_model_output: 'end_turn',
  malformed_tool_use: 'end_turn',
  model_context_window_exceeded: 'max_tokens',
} as const satisfies Record<NovaStopReason, StopReason>;

/** Maps Nova's `stopReason`; values newer than this table read as `end_turn` (the raw value is kept). */
export function mapNovaStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as NovaStopReason] : 'end_turn';
}
