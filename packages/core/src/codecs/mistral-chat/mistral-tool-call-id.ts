/** The only tool call id Mistral accepts: nine letters or digits (its own ids look like `abc123xyz`). */
const MISTRAL_TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;

/**
 * Mistral refuses a conversation whose tool call ids are not nine alphanumerics, so ids made by
 * other families (`toolu_01…`, `tooluse_…`) are replaced by a stable 9-character hash. The same input
 * always gives the same id, so a call and its result still match.
 */
export function toMistralToolCallId(toolUseId: string): string {
  if (MISTRAL_TOOL_CALL_ID.test(toolUseId)) return toolUseId;
  // Two 32-bit FNV-1a variants give 14 base-36 digits, of which 9 are kept.
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = 0; index < toolUseId.length; index++) {
    const code = toolUseId.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0;
  }
  return (first.toString(36).padStart(7, '0') + second.toString(36).padStart(7, '0')).slice(0, 9);
}
