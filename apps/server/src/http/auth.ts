import { timingSafeEqual } from 'node:crypto';

/**
 * Checks `Bearer <key>` against the admin key. With no key configured the gateway runs open
 * (only allowed with the emulator upstream; config refuses it otherwise).
 */
export function isAuthorized(header: unknown, adminKey: string | undefined): boolean {
  if (adminKey === undefined) return true;
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(adminKey);
  // Constant time, so the key cannot be guessed byte by byte from response timings.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const UNAUTHENTICATED_MESSAGE =
  'Missing or invalid API key: send "Authorization: Bearer <key>" (graphql-ws: {"authorization": "Bearer <key>"} in connection_init).';
