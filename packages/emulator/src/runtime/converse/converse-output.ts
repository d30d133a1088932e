// What Converse and Nova's native format render alike: Nova's InvokeModel body is Converse-shaped
// (bedrock-protocol.md §5.5), so one spelling serves both and they cannot drift apart.
import { hasTextBlock, type Reply, type ReplyStopReason } from '../chat/generate-reply.js';

/** Converse's `stopReason` values for the neutral reasons (they happen to share the spelling). */
export const CONVERSE_STOP_REASONS = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
} as const satisfies Record<ReplyStopReason, string>;

/** `output.message.content`: the text block, then one `toolUse` block per call. */
export function converseContentBlocks(reply: Reply): unknown[] {
  return [
    ...(hasTextBlock(reply) ? [{ text: reply.text }] : []),
    ...reply.toolCalls.map((call) => ({
      toolUse: { toolUseId: converseToolUseId(call.id), name: call.name, input: call.input },
    })),
  ];
}

/** The `toolUseId` of a reply's tool call, in the content blocks and in the stream alike. */
export function converseToolUseId(id: string): string {
  return `tooluse_${id}`;
}

/** Converse's TokenUsage; Nova's native usage adds its cache counters after these. */
export function converseUsage(reply: Reply): Record<string, number> {
  return {
    inputTokens: reply.inputTokens,
    outputTokens: reply.outputTokens,
    totalTokens: reply.inputTokens + reply.outputTokens,
  };
}
