/** An error as the gateway reports it: `extensions.code`, the message, and the back-off hint. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface GraphQLErrorShape {
  readonly message?: unknown;
  readonly extensions?: {
    readonly code?: unknown;
    readonly retryAfterMs?: unknown;
    readonly field?: unknown;
  };
}

export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (Array.isArray(error) && error.length > 0) return toGatewayError(error[0]);
  if (error instanceof CloseEvent) {
    return new GatewayError(
      error.code === 4403 ? 'UNAUTHENTICATED' : 'CONNECTION_CLOSED',
      error.reason === '' ? `The connection closed (${error.code}).` : error.reason,
    );
  }
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const shape = error as GraphQLErrorShape;
    const code = typeof shape.extensions?.code === 'string' ? shape.extensions.code : 'NETWORK_ERROR';
    const retry = shape.extensions?.retryAfterMs;
    const field = shape.extensions?.field;
    return new GatewayError(
      code,
      String(shape.message),
      typeof retry === 'number' ? retry : undefined,
      typeof field === 'string' ? field : undefined,
    );
  }
  return new GatewayError('NETWORK_ERROR', String(error));
}
