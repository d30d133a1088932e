/** Codes the gateway adds to core's (SPEC.md "GraphQL contract"). Renaming one is a breaking change. */
/** @public listed for clients and docs; the server itself only needs the type. */
export const GATEWAY_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'BUDGET_EXCEEDED',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** A failure the gateway itself decides (auth, limits), as opposed to one from Bedrock or core. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
  }
}
