/**
 * Reads Bedrock's back-off hint from response headers: `x-amz-retry-after` (milliseconds) or
 * `retry-after` (seconds, or an HTTP date). Returns undefined when neither is usable.
 */
export function parseRetryAfterMs(
  headers: Readonly<Record<string, string | undefined>>,
  now: () => number = Date.now,
): number | undefined {
  let retryAfter: string | undefined;
  let amzRetryAfter: string | undefined;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-amz-retry-after') amzRetryAfter = value;
    else if (lower === 'retry-after') retryAfter = value;
  }
  if (amzRetryAfter !== undefined && /^\d+(\.\d+)?$/.test(amzRetryAfter.trim())) {
    return Math.round(Number(amzRetryAfter));
  }
  if (retryAfter === undefined) return undefined;
  const trimmed = retryAfter.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}
