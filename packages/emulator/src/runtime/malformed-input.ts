import type { z } from 'zod';

import { BedrockHttpError } from '../http/emulator-request.js';

const SUFFIX = ', please reformat your input and try again.';

/**
 * The ValidationException Bedrock answers for a native body that breaks the model's JSON schema.
 * Bedrock validates with everit-json-schema and concatenates the violations:
 * `Malformed input request: #: required key [max_tokens] not found#: extraneous key [model] is not
 * permitted, please reformat your input and try again.` (§4.1, §4.3).
 */
export function malformedInput(violations: readonly string[]): BedrockHttpError {
  return new BedrockHttpError(
    400,
    'ValidationException',
    `Malformed input request: ${violations.join('')}${SUFFIX}`,
  );
}

/** Parses an InvokeModel body (any content type: the SDK defaults to application/octet-stream, §1.4). */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw malformedInput(['#: expected type: JSONObject, found: String (the body is not valid JSON)']);
  }
}

/** Validates a native body against a zod schema, answering like Bedrock when it does not match. */
export function parseNativeBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw malformedInput(result.error.issues.flatMap((issue) => describeIssue(issue, body)));
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string[] {
  const path = issue.path.map(String);
  const at = `#${path.map((segment) => `/${segment}`).join('')}`;
  const value = valueAt(body, path);
  // zod reports a missing enum member as a bad value; to everit it is a missing key like any other.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined) {
    const parent = `#${path
      .slice(0, -1)
      .map((segment) => `/${segment}`)
      .join('')}`;
    return [`${parent}: required key [${path.at(-1) ?? ''}] not found`];
  }
  if (issue.code === 'invalid_type')
    return [`${at}: expected type: ${jsonType(issue.expected)}, found: ${typeOf(value)}`];
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${at}: extraneous key [${key}] is not permitted`);
  if (issue.code === 'too_small') return [`${at}: ${bound(value, 'minimum', issue.minimum)}`];
  if (issue.code === 'too_big') return [`${at}: ${bound(value, 'maximum', issue.maximum)}`];
  if (issue.code === 'invalid_value') return [`${at}: ${JSON.stringify(value)} is not a valid enum value`];
  if (issue.code === 'invalid_union') {
    return [`${at}: #: no subschema matched out of the total ${issue.errors.length} subschemas`];
  }
  return [`${at}: ${issue.message}`];
}

function bound(value: unknown, side: 'minimum' | 'maximum', limit: number | bigint): string {
  if (Array.isArray(value)) return `expected ${side} item count: ${limit}, found: ${value.length}`;
  if (typeof value === 'string')
    return `expected ${side === 'minimum' ? 'minLength' : 'maxLength'}: ${limit}, actual: ${value.length}`;
  return `${JSON.stringify(value)} is not ${side === 'minimum' ? 'greater' : 'less'} or equal to ${limit}`;
}

function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

// everit's type names, as they appear in Bedrock's messages.
function jsonType(expected: string): string {
  switch (expected) {
    case 'object':
      return 'JSONObject';
    case 'array':
      return 'JSONArray';
    case 'int':
      return 'Integer';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    default:
      return 'String';
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'JSONArray';
  if (typeof value === 'object') return 'JSONObject';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'BigDecimal';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}
