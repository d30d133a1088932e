import type { z } from 'zod';

import { BedrockHttpError } from '../../http/emulator-request.js';

/**
 * The ValidationException Bedrock's JSON operations (Converse, ConverseStream, CountTokens) answer
 * for a body that breaks the Smithy model: `N validation error(s) detected: Value at 'messages.1.member.content'
 * failed to satisfy constraint: …`, each naming the member it is about.
 */
export function smithyValidationError(error: z.ZodError, body: unknown): BedrockHttpError {
  const details = error.issues.map((issue) => describe(issue, body));
  const count = details.length;
  return new BedrockHttpError(
    400,
    'ValidationException',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`,
  );
}

function describe(issue: z.core.$ZodIssue, body: unknown): string {
  // Smithy names list members `messages.1.member.content`, counting from 1.
  const path = issue.path
    .map((segment) => (typeof segment === 'number' ? `${segment + 1}.member` : String(segment)))
    .join('.');
  let value: unknown = body;
  for (const segment of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[segment];
  const constraint = (text: string): string => `Value at '${path}' failed to satisfy constraint: ${text}`;
  const sized = Array.isArray(value) || typeof value === 'string';
  // zod reports a missing enum member as a bad value; to Smithy it is a null like any other.
  const missing = value === undefined || (value === null && issue.code === 'invalid_type');
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && missing)
    return `Value null at '${path}' failed to satisfy constraint: Member must not be null`;
  if (issue.code === 'invalid_type') return constraint(`Member must be of type ${issue.expected}`);
  if (issue.code === 'too_small') {
    return sized
      ? constraint(`Member must have length greater than or equal to ${issue.minimum}`)
      : `Value '${JSON.stringify(value)}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${issue.minimum}`;
  }
  if (issue.code === 'too_big') {
    return sized
      ? constraint(`Member must have length less than or equal to ${issue.maximum}`)
      : `Value '${JSON.stringify(value)}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${issue.maximum}`;
  }
  if (issue.code === 'invalid_value') {
    return constraint(`Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`);
  }
  return constraint(issue.message);
}
