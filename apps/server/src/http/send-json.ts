import type { ServerResponse } from 'node:http';

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** A GraphQL-shaped error response for failures before GraphQL execution (auth, body size, JSON). */
export function sendGraphQLError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(response, status, { errors: [{ message, extensions: { code, ...extensions } }] });
}
