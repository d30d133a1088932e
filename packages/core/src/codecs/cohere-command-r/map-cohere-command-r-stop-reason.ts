import type { StopReason } from '../../codec-kit/chat-types.js';

/**
 * Cohere v1 `finish_reason` values: `COMPLETE` and `MAX_TOKENS` per bedrock-protocol.md §5.8, the
 * rest from Cohere's own Chat API [UNVERIFIED on Bedrock].
 */
type CohereFinishReason =
  'COMPLETE' | 'STOP_SEQUENCE' | 'MAX_TOKENS' | 'ERROR' | 'ERROR_TOXIC' | 'ERROR_LIMIT' | 'USER_CANCEL';

const STOP_REASONS = {
  COMPLETE: 'end_turn',
  STOP_SEQUENCE: 'stop_sequence',
  MAX_TOKENS: 'max_tokens',
  // The generation failed mid-way; StopReason has no failure value, so the text so far ends the turn.
  ERROR: 'end_turn',
  ERROR_TOXIC: 'content_filtered',
  // The context window filled up before the answer ended.
  ERROR_LIMIT: 'max_tokens',
  USER_CANCEL: 'end_turn',
} as const satisfies Record<CohereFinishReason, StopReason>;

/**
 * Maps Cohere's `finish_reason`; unknown values read as `end_turn` (the raw value is kept). Cohere
 * reports `COMPLETE` for a turn that called tools, which reads as `tool_use`.
 */
export function mapCohereCommandRStopReason(raw: string, calledTools: boolean): StopReason {
  const mapped = Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as CohereFinishReason] : 'end_turn';
  return calledTools && mapped === 'end_turn' ? 'tool_use' : mapped;
}
