import type { StopReason } from '../chat-types.js';

/** Every `stop_reason` Llama on Bedrock documents (bedrock-protocol.md §5.6). */
type LlamaStopReason = 'stop' | 'length';

const STOP_REASONS = {
  // Llama reports a natural end and a hit stop token alike; Bedrock takes no stop sequences for it.
  stop: 'end_turn',
  length: 'max_tokens',
} as const satisfies Record<LlamaStopReason, StopReason>;

/** Maps Llama's `stop_reason`; unknown values read as `end_turn` (the raw value is kept). */
export function mapLlamaStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as LlamaStopReason] : 'end_turn';
}
