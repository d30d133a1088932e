import type { Usage } from './chat-types.js';

/** Usage with its total derived, so no family can report a total that does not add up. */
export function usageOf(inputTokens: number, outputTokens: number): Usage {
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}
