import { BedrockHttpError } from './emulator-request.js';

/** A request target split the way Bedrock's router reads it. */
export interface ParsedTarget {
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/**
 * Splits the raw path on `/` first and only then percent-decodes each segment once, because the SDK
 * escapes the `/` inside ARN labels as `%2F` (bedrock-protocol.md §1.4): decoding first would break
 * `arn:…:inference-profile/us.…` into two segments. Unescaped `:` (curl users) passes through as is.
 * Throws ValidationException for a segment that is not valid percent-encoding.
 */
export function parseTarget(rawTarget: string): ParsedTarget {
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    segments.push(raw.includes('%') ? decodeSegment(raw) : raw);
  }
  return { segments, query: new URLSearchParams(queryStart === -1 ? '' : rawTarget.slice(queryStart + 1)) };
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `The request path segment "${raw}" is not valid percent-encoding.`,
    );
  }
}
