import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where the playground lives: its index at both paths, its built files under the prefix. */
const PREFIX = '/playground';
const INDEX_PATHS = new Set(['/', PREFIX, `${PREFIX}/`, `${PREFIX}/index.html`]);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
/** Worth compressing: text. PNGs and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

interface Asset {
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
  readonly type: string;
  readonly etag: string;
  readonly cacheControl: string;
}

/**
 * Serves the playground's built files (`apps/playground/dist`) from memory: the whole build is a
 * few hundred KB, read and gzipped once at startup, so no request ever touches the file system
 * (and no path can escape the folder). Vite hashes every file under `assets/` by content, so those
 * are cached for a year; index.html names the current hashes and is revalidated on every load.
 *
 * Returns a handler that answers GET/HEAD for its paths and returns false for everything else.
 * `directory` undefined: the playground is switched off and every path falls through.
 */
export function createStaticSite(
  directory: string | undefined,
): (request: IncomingMessage, response: ServerResponse, path: string) => boolean {
  if (directory === undefined) return () => false;
  const assets = existsSync(join(directory, 'index.html')) ? loadAssets(directory) : undefined;
  return (request, response, path) => {
    const index = INDEX_PATHS.has(path);
    if (!index && !path.startsWith(`${PREFIX}/`)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('The playground is read with GET.\n');
      return true;
    }
    if (assets === undefined) {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end(
          `The playground is not built (no index.html in ${directory}): run \`pnpm build\` (or \`pnpm start\`, which builds it). GraphQL is served at /graphql.\n`,
        );
      return true;
    }
    const asset = assets.get(index ? '/index.html' : path.slice(PREFIX.length));
    if (asset === undefined) {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end(`No playground file ${path}; the playground is at ${PREFIX}.\n`);
      return true;
    }
    send(request, response, asset);
    return true;
  };
}

function send(request: IncomingMessage, response: ServerResponse, asset: Asset): void {
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': asset.cacheControl,
    etag: asset.etag,
    // Keeps CORS's `Vary: Origin` when it set one.
    vary: [response.getHeader('vary'), 'accept-encoding'].filter((v) => v !== undefined).join(', '),
    'x-content-type-options': 'nosniff',
  };
  if (request.headers['if-none-match'] === asset.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') ? asset.gzip : undefined;
  const body = gzip ?? asset.body;
  if (gzip !== undefined) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function loadAssets(directory: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of walk(directory)) {
    const path = `/${relative(directory, file).split(sep).join('/')}`;
    const extension = extname(file);
    const body = readFileSync(file);
    const gzipped = COMPRESSIBLE.has(extension) ? gzipSync(body, { level: 9 }) : undefined;
    assets.set(path, {
      body,
      gzip: gzipped !== undefined && gzipped.length < body.length ? gzipped : undefined,
      type: TYPES[extension] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      cacheControl: path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return assets;
}

function* walk(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    const file = join(directory, name);
    if (statSync(file).isDirectory()) yield* walk(file);
    else yield file;
  }
}
