import { randomUUID } from 'node:crypto';

/** What a caller may send as x-request-id: short, printable, safe to log and echo. */
const ACCEPTED = /^[\w.:@/+=-]{1,128}$/;

/** The caller's x-request-id when it is sane, else a fresh UUID; echoed back and used in logs and audit. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED.test(value) ? value : randomUUID();
}
