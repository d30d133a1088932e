import { resolve } from 'node:path';

/** Where the gateway keeps its rows: parsed from DATABASE_URL once, at startup. */
export type DatabaseLocation =
  | {
      readonly kind: 'sqlite';
      /** Absolute path of the database file (created, with its folder, on first start). */
      readonly path: string;
    }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** host:port/database, safe to log (no user or password). */
      readonly display: string;
    };

export const DEFAULT_DATABASE_URL = 'file:.quarry/quarry.db';

const HOW_TO =
  'Use file:<path> for a SQLite file (e.g. file:.quarry/quarry.db, relative to the working directory) ' +
  'or postgres://user:password@host:5432/database for Postgres.';

/**
 * Parses DATABASE_URL. Throws an Error whose message says what is wrong and what a valid value
 * looks like; config.ts turns it into a startup error.
 */
export function parseDatabaseUrl(raw: string): DatabaseLocation {
  if (raw.startsWith('file:')) {
    // file:relative/path, file:/abs/path and file:///abs/path are all common spellings.
    let path = raw.slice('file:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    path = decodeURIComponent(path.split('?', 1)[0] ?? '');
    if (path === '') throw new Error(`DATABASE_URL "${raw}" names no file. ${HOW_TO}`);
    // Relative paths are relative to the working directory the gateway starts in.
    return { kind: 'sqlite', path: resolve(path) };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`DATABASE_URL is not a valid URL. ${HOW_TO}`);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (url.hostname === '' || database === '') {
      throw new Error(
        `DATABASE_URL must name a host and a database (postgres://user:password@host:5432/database). ${HOW_TO}`,
      );
    }
    return { kind: 'postgres', url: raw, display: `${url.hostname}:${url.port || '5432'}/${database}` };
  }
  // Never echo the value: it may carry a password.
  throw new Error(`DATABASE_URL has an unsupported scheme. ${HOW_TO}`);
}
