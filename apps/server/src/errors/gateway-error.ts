/** Codes the gateway adds to core's (SPEC.md "GraphQL contract"). Renaming one is a breaking change. */
/** @public listed for clients and docs; the server itself only needs the type. */
export const GATEWAY_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'BUDGET_EXCEEDED',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** Machine-readable facts a client acts on, sent as `extensions` next to the code. */
export interface GatewayErrorDetails {
  /** RATE_LIMITED: when a retry can succeed. */
  readonly retryAfterMs?: number;
  /** BUDGET_EXCEEDED: the key's monthly budget and what it has spent (reserved calls included). */
  readonly budgetUsd?: number;
  readonly spentUsd?: number;
}

/** A failure the gateway itself decides (auth, limits), as opposed to one from Bedrock or core. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly details: GatewayErrorDetails = {},
  ) {
    super(message);
  }
}
