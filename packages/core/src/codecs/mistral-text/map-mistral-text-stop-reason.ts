import type { StopReason } from '../../codec-kit/chat-types.js';

/** `stop` and `length` per bedrock-protocol.md §5.7; `model_length` is Mistral's own API value for a full context. */
type MistralTextStopReason = 'stop' | 'length' | 'model_length';

const STOP_REASONS = {
  // Mistral reports a natural end and a matched `stop` sequence alike.
  stop: 'end_turn',
  length: 'max_tokens',
  model_length: 'max_tokens',
} as const satisfies Record<MistralTextStopReason, StopReason>;

/** Maps a Mistral text-format `stop_reason`; unknown values read as `end_turn` (the raw value is kept). */
export function mapMistralTextStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as MistralTextStopReason] : 'end_turn';
}
