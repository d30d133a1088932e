import type { StopReason } from '../../codec-kit/chat-types.js';

/** `stop|length|tool_calls` per bedrock-protocol.md §5.7; `model_length` is Mistral's own API value for a full context. */
type MistralChatStopReason = 'stop' | 'length' | 'model_length' | 'tool_calls';

const STOP_REASONS = {
  stop: 'end_turn',
  length: 'max_tokens',
  model_length: 'max_tokens',
  tool_calls: 'tool_use',
} as const satisfies Record<MistralChatStopReason, StopReason>;

/**
 * Maps a Mistral chat `stop_reason`/`finish_reason`; unknown values read as `end_turn` (the raw value
 * is kept). A turn that called tools reads as `tool_use` even if Mistral said `stop`, so callers
 * can rely on the stop reason to run tools.
 */
export function mapMistralChatStopReason(raw: string, calledTools: boolean): StopReason {
  const mapped = Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as MistralChatStopReason] : 'end_turn';
  return calledTools && mapped === 'end_turn' ? 'tool_use' : mapped;
}
