import type { StopReason } from '../../codec-kit/chat-types.js';

/** Titan's `completionReason` values (bedrock-protocol.md §5.2). */
type TitanCompletionReason =
  'FINISH' | 'FINISHED' | 'LENGTH' | 'STOP_CRITERIA_MET' | 'CONTENT_FILTERED' | 'RAG_QUERY_WHEN_RAG_DISABLED';

const STOP_REASONS = {
  // The docs say FINISHED; real traffic says FINISH. Accept both.
  FINISH: 'end_turn',
  FINISHED: 'end_turn',
  LENGTH: 'max_tokens',
  STOP_CRITERIA_MET: 'stop_sequence',
  CONTENT_FILTERED: 'content_filtered',
  // The model answered that it cannot run a knowledge-base query here: a complete (if unhelpful) turn.
  RAG_QUERY_WHEN_RAG_DISABLED: 'end_turn',
} as const satisfies Record<TitanCompletionReason, StopReason>;

/** Maps Titan's `completionReason`; values newer than this table read as `end_turn` (the raw value is kept). */
export function mapTitanTextStopReason(raw: string): StopReason {
  return Object.hasOwn(STOP_REASONS, raw) ? STOP_REASONS[raw as TitanCompletionReason] : 'end_turn';
}
