import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticSite } from '../src/http/static-site.js';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function buildFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'quarry-site-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

async function serve(directory: string | undefined): Promise<number> {
  const site = createStaticSite(directory);
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0]!;
    if (!site(request, response, path)) response.writeHead(418).end('fell through');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return (server.address() as AddressInfo).port;
}

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const INDEX = '<!doctype html><script src="/playground/assets/index-abc123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

describe('the playground static site', () => {
  it('serves index.html at / and /playground, revalidated on every load', async () => {
    const port = await serve(buildFolder({ 'index.html': INDEX, 'assets/index-abc123.js': SCRIPT }));
    for (const path of ['/', '/playground', '/playground/', '/playground/index.html']) {
      const answer = await get(port, path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body.toString()).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year, gzips them on request and answers 304 to a matching ETag', async () => {
    const port = await serve(buildFolder({ 'index.html': INDEX, 'assets/index-abc123.js': SCRIPT }));
    const plain = await get(port, '/playground/assets/index-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.body.toString()).toBe(SCRIPT);

    const gzipped = await get(port, '/playground/assets/index-abc123.js', { 'accept-encoding': 'gzip, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

    const again = await get(port, '/playground/assets/index-abc123.js', {
      'if-none-match': plain.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const head = await get(port, '/playground/assets/index-abc123.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(SCRIPT.length));
  });

  it('answers 404 for unknown files and paths that try to leave the folder, 405 for other methods', async () => {
    const port = await serve(buildFolder({ 'index.html': INDEX }));
    expect((await get(port, '/playground/assets/missing.js')).status).toBe(404);
    expect((await get(port, '/playground/../../../etc/passwd')).status).toBe(404);
    expect((await get(port, '/playground/%2e%2e/package.json')).status).toBe(404);
    const post = await get(port, '/playground', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('says how to build it when the build is missing, and leaves other paths alone', async () => {
    const port = await serve(buildFolder({}));
    const answer = await get(port, '/playground');
    expect(answer.status).toBe(503);
    expect(answer.body.toString()).toMatch(/run `pnpm build`/);
    expect((await get(port, '/graphql')).status).toBe(418);
  });

  it('falls through on every path when switched off', async () => {
    const port = await serve(undefined);
    expect((await get(port, '/')).status).toBe(418);
    expect((await get(port, '/playground')).status).toBe(418);
  });
});
