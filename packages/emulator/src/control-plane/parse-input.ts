import type { z } from 'zod';

import type { EmulatorRequest } from '../http/emulator-request.js';
import { validationError } from './bedrock-errors.js';

/**
 * Parses a JSON request body with a zod schema. An empty body counts as `{}` (Stop* operations send
 * none). Throws ValidationException in AWS's wording, naming every offending field:
 * `1 validation error detected: Value at 'jobName' failed to satisfy constraint: Member must not be null`.
 */
export function parseJsonBody<Schema extends z.ZodType>(
  request: EmulatorRequest,
  schema: Schema,
): z.output<Schema> {
  let body: unknown = {};
  if (request.body.length > 0) {
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw validationError('The request body is not valid JSON.');
    }
  }
  return parseWith(schema, body);
}

/**
 * Parses query parameters (the last value of a repeated key wins) with a zod schema; use
 * `z.coerce` for numbers and timestamps. Unknown keys are ignored, as Bedrock does.
 */
export function parseQuery<Schema extends z.ZodType>(
  query: URLSearchParams,
  schema: Schema,
): z.output<Schema> {
  return parseWith(schema, Object.fromEntries(query));
}

/** Parses any value (path labels, a nested member) with the same ValidationException wording. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const constraint =
      issue.code === 'invalid_type' && issue.input === undefined ? 'Member must not be null' : issue.message;
    return field === ''
      ? `Value failed to satisfy constraint: ${constraint}`
      : `Value at '${field}' failed to satisfy constraint: ${constraint}`;
  });
  const count = problems.length;
  throw validationError(
    `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
  );
}
