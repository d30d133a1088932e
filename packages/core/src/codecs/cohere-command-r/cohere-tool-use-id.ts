/**
 * Cohere tool calls carry no id, so Quarry names them after the generation and the call's position.
 * The same call gets the same id from a response body and from its stream; the codec matches tool
 * results to calls by id within the previous assistant message, so ids need only be unique there.
 */
export function cohereToolUseId(generationId: string | null | undefined, index: number): string {
  return `${generationId ?? 'cohere'}_${index}`;
}
