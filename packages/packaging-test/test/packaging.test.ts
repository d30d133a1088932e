import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HERE = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('fixture/', import.meta.url));
const PACKAGES = ['core', 'emulator'] as const;
const BIN = (name: string) => join(HERE, 'node_modules', '.bin', name);

/** Newest modification time under `dir`, to tell a stale dist/ from a fresh one. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

let project = '';
const tarballs: Partial<Record<(typeof PACKAGES)[number], string>> = {};

beforeAll(async () => {
  for (const name of PACKAGES) {
    const dir = join(ROOT, 'packages', name);
    // pnpm test builds both first (turbo's ^build); a stale dist/ would test yesterday's code.
    if (newest(join(dir, 'src')) > newest(join(dir, 'dist'))) {
      throw new Error(`packages/${name}/dist is older than its src: run pnpm build first`);
    }
  }
  // Outside the workspace, so nothing resolves through pnpm's links or the source condition.
  project = mkdtempSync(join(tmpdir(), 'quarry-packaging-'));
  for (const name of PACKAGES) {
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', project], {
      cwd: join(ROOT, 'packages', name),
    });
    const tarball = stdout.trim().split('\n').at(-1) ?? '';
    expect(tarball).toMatch(new RegExp(`quarry-${name}-.+\\.tgz$`));
    tarballs[name] = tarball;
  }
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'outsider', private: true, type: 'module' }, null, 2),
  );
  // Both tarballs at once: the emulator depends on core by version, which only the other
  // tarball provides; every other dependency comes from the npm registry.
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarballs.core ?? '',
      tarballs.emulator ?? '',
      '@types/node@20',
    ],
    { cwd: project, timeout: 200_000 },
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        types: ['node'],
        outDir: 'out',
      },
      files: ['smoke.ts'],
    }),
  );
  copyFileSync(join(FIXTURE, 'smoke.ts'), join(project, 'smoke.ts'));
  copyFileSync(join(FIXTURE, 'smoke.cjs'), join(project, 'smoke.cjs'));
}, 240_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

/** Runs node in the throwaway project and parses the one JSON line the smoke prints. */
async function smoke(file: string): Promise<Record<string, unknown>> {
  const { stdout, stderr } = await run(process.execPath, [file], { cwd: project, timeout: 60_000 });
  // A published package must start warning-free (the AWS SDK's Node 22 notice included).
  expect(stderr).toBe('');
  return JSON.parse(stdout.trim()) as Record<string, unknown>;
}

describe('the packed tarballs, installed in a project outside the workspace', () => {
  it('ship dist, README, LICENSE and a package.json without workspace-only parts', async () => {
    for (const name of PACKAGES) {
      const { stdout } = await run('tar', ['-tzf', tarballs[name] ?? '']);
      const files = stdout.trim().split('\n');
      expect(files).toEqual(
        expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/dist/index.js']),
      );
      expect(files.filter((file) => !file.startsWith('package/dist/'))).toEqual(
        expect.arrayContaining(['package/package.json']),
      );
      expect(files.some((file) => file.includes('/src/') || file.endsWith('.test.js'))).toBe(false);
      const manifest = (await run('tar', ['-xzOf', tarballs[name] ?? '', 'package/package.json'])).stdout;
      expect(manifest).not.toContain('@quarry/source');
      expect(manifest).not.toContain('workspace:');
      expect(JSON.parse(manifest)).toMatchObject({ license: 'Apache-2.0', engines: { node: '>=20.19' } });
    }
  });

  it('compile a strict NodeNext TypeScript file against them', async () => {
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    // tsc prints its errors on stdout and exits non-zero: show them rather than a bare exit code.
    const errors = await run(tsc, ['-p', 'tsconfig.json'], { cwd: project }).then(
      () => '',
      (error: unknown) => (error as { stdout?: string }).stdout ?? (error as Error).message,
    );
    expect(errors).toBe('');
  });

  it('run the smoke from ESM: emulator from the package, invoke, stream, embed, a typed error', async () => {
    expect(await smoke('out/smoke.js')).toEqual({
      invoked: true,
      streamed: true,
      embedded: [256, 256],
      typedError: true,
      configuration: 'region',
      classes: ['ValidationError', 'FaultSyntaxError'],
      catalog: 'anthropic-messages',
      listModels: true,
    });
  });

  it('run the smoke from require(), which Node 20.19+ supports for ES modules', async () => {
    // Honest about what it exercises: without require(esm) this Node cannot load the packages.
    expect(process.features.require_module).toBe(true);
    expect(await smoke('smoke.cjs')).toEqual({
      invoked: true,
      streamed: true,
      embedded: true,
      typedError: true,
    });
  });

  it('start the emulator with its bin, as npx quarry-emulator does', async () => {
    const child = spawn(
      join(project, 'node_modules', '.bin', 'quarry-emulator'),
      ['--port', '0', '--latency', 'zero'],
      {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout) {
        output += String(chunk);
        if (output.includes('\n')) break;
      }
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      expect(url, output).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const listed = await fetch(`${url ?? ''}/foundation-models`);
      expect(listed.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('pass publint and arethetypeswrong (ESM-only profile)', async () => {
    for (const name of PACKAGES) {
      const installed = join(project, 'node_modules', '@quarry', name);
      const lint = await run(BIN('publint'), ['--strict', installed]);
      expect(lint.stdout).toContain('All good');
      const types = await run(BIN('attw'), [
        tarballs[name] ?? '',
        '--profile',
        'esm-only',
        '--format',
        'ascii',
      ]);
      // attw exits non-zero on any problem outside the ignored CJS/node10 resolutions (run rejects).
      expect(types.stdout).toContain('node16 (from ESM): 🟢');
      expect(types.stdout).toContain('bundler: 🟢');
    }
  });
});
