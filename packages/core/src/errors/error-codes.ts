/**
 * Stable, transport-neutral error codes (GraphQL `extensions.code`). Core owns the upstream codes;
 * the server adds its own. Renaming a code is a breaking change.
 */
export const CORE_ERROR_CODES = [
  'BAD_USER_INPUT',
  'MODEL_NOT_FOUND',
  'MODEL_ACCESS_DENIED',
  'THROTTLED',
  'MODEL_NOT_READY',
  'MODEL_TIMEOUT',
  'GUARDRAIL_INTERVENED',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  /** A setup mistake (no region, no credentials, a bad endpoint): the message names what to set. */
  'CONFIGURATION',
] as const;

export type ErrorCode = (typeof CORE_ERROR_CODES)[number];
