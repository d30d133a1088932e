/** Native Llama stream chunks (bedrock-protocol.md §5.6, §3.7), shared by the Llama 2 and Llama 3 fixtures. */

export const LLAMA_METRICS = {
  inputTokenCount: 22,
  outputTokenCount: 3,
  invocationLatency: 412,
  firstByteLatency: 187,
};

/**
 * A realistic stream: one chunk per part (the first carries `prompt_token_count`,
 * `generation_token_count` counts up), then an empty final chunk with `stop_reason` and the metrics.
 */
export function llamaStreamOf(parts: readonly string[], stopReason = 'stop'): readonly unknown[] {
  return [
    ...parts.map((generation, index) => ({
      generation,
      prompt_token_count: index === 0 ? 22 : null,
      generation_token_count: index + 1,
      stop_reason: null,
    })),
    {
      generation: '',
      prompt_token_count: null,
      generation_token_count: parts.length,
      stop_reason: stopReason,
      'amazon-bedrock-invocationMetrics': { ...LLAMA_METRICS, outputTokenCount: parts.length },
    },
  ];
}
