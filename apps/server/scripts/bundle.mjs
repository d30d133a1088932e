// Bundles the built gateway (tsc's dist/) into dist/gateway/: main.js and audit-verify.js, one file
// each instead of ~1,300 modules, which roughly halves cold start (module resolution and loading
// were most of it). Run after tsc: esbuild reads dist/*.js and chains tsc's source maps, so with
// `node --enable-source-maps` stack traces name the TypeScript sources.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

const out = 'dist/gateway';
await build({
  entryPoints: ['dist/main.js', 'dist/audit-verify.js'],
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  // A native addon, and pg's optional native driver, which is never installed.
  external: ['better-sqlite3', 'pg-native'],
  // CommonJS dependencies call require() for Node's built-ins; ESM output has no require of its own.
  banner: {
    js: "import { createRequire as __quarryRequire } from 'node:module'; const require = __quarryRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Files the gateway reads relative to its own module: tsc's output keeps them one folder below
// dist/ (dist/schema/*.graphql, dist/store/migrations/), and so does the bundle (dist/gateway/).
for (const file of readdirSync('dist/schema').filter((name) => name.endsWith('.graphql'))) {
  cpSync(`dist/schema/${file}`, `${out}/${file}`);
}
mkdirSync(`${out}/migrations`, { recursive: true });
for (const file of readdirSync('dist/store/migrations').filter((name) => name.endsWith('.js'))) {
  cpSync(`dist/store/migrations/${file}`, `${out}/migrations/${file}`);
}
