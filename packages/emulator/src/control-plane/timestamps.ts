/** RFC 3339 with milliseconds: the SDK rejects numeric epochs in responses (bedrock-protocol.md §1.7). */
export function toTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
