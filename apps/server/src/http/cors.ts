import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for QUARRY_CORS_ORIGINS (`*` by default). Keys travel as bearer headers, never cookies,
 * so allowing any origin exposes nothing a page could not already send; a list narrows it.
 */
export function createCors(origins: readonly string[] | '*') {
  const allowed = origins === '*' ? undefined : new Set(origins);
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (allowed === undefined) response.setHeader('access-control-allow-origin', '*');
    else {
      response.setHeader('vary', 'Origin');
      const origin = request.headers.origin;
      if (origin === undefined || !allowed.has(origin)) return;
      response.setHeader('access-control-allow-origin', origin);
    }
    response.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id',
    );
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader('access-control-expose-headers', 'x-request-id');
  };
}
