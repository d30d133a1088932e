import type { z } from 'zod';
import { CodecError } from '../errors/quarry-error.js';

/** How many zod issues a CodecError message lists; a bad 1,024-value vector must not flood the log. */
const MAX_LISTED_ISSUES = 3;

/**
 * Parses one piece of a native payload (a body, a stream chunk, a content block) with its schema,
 * or throws CodecError naming `what` and the first few offending paths. Never returns partial data.
 */
export function parseNativePart<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
  rootLabel = '(value)',
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map(
      (issue) =>
        `${issue.path.length === 0 ? rootLabel : issue.path.map(String).join('.')}: ${issue.message}`,
    );
  const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : '';
  throw new CodecError(`Unreadable ${what}: ${listed.join('; ')}${more}.`, { cause: parsed.error });
}
