import { QuarryError } from '@quarry/core';

/**
 * SQLSTATE classes that mean "the database is not there right now" rather than "this query is
 * wrong": connection exceptions (08), insufficient resources (53), operator intervention such as
 * a shutdown or restart (57), system errors (58), and serialization failures / deadlocks (40).
 */
const RETRYABLE_SQLSTATE_CLASSES = new Set(['08', '40', '53', '57', '58']);

/** SQLite result codes (better-sqlite3's `code`) that a retry may get past. */
const RETRYABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/;

/** Node socket errors and pg's own messages when the server is unreachable or went away. */
const CONNECTION_FAILURES = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN/;
const PG_DRIVER_FAILURES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|connection is not open|Cannot use a pool after calling end/i;

/**
 * True when the error says the database is unavailable (unreachable, restarting, overloaded,
 * locked, out of disk) rather than that a query is wrong.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code)) return RETRYABLE_SQLSTATE_CLASSES.has(code.slice(0, 2));
    if (RETRYABLE_SQLITE.test(code)) return true;
    if (CONNECTION_FAILURES.test(code)) return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return CONNECTION_FAILURES.test(error.message) || PG_DRIVER_FAILURES.test(error.message);
}

/**
 * Turns a lost or busy database into the retryable UPSTREAM_UNAVAILABLE clients already handle
 * for Bedrock outages; every other error passes through unchanged (a bug stays a bug).
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof QuarryError || !isDatabaseUnavailable(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new QuarryError(
    'UPSTREAM_UNAVAILABLE',
    `The gateway's database is unavailable (${detail}); retry shortly.`,
    { retryable: true, retryAfterMs: 1_000, cause: error },
  );
}

/** Stops startup: the message says which step failed and what to do. */
export class StoreStartupError extends Error {
  override name = 'StoreStartupError';
}
