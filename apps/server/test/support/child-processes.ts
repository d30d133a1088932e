import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The real entry points in their own processes: env parsing, signals, exit codes and a process
// dying mid-stream only exist there. The sources, not dist/, so a test never runs a stale build;
// tsx runs TypeScript on Node 20.
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const EMULATOR_CLI = fileURLToPath(new URL('../../../../packages/emulator/src/cli.ts', import.meta.url));
/** tsx transpiles every workspace source on startup, which takes a few seconds on a small machine. */
export const STARTUP_MS = 30_000;

export interface ChildHandle {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

/** Children and folders of the current test, cleaned up by `cleanUpChildren` (call it in afterEach). */
const started: ChildProcess[] = [];
const folders: string[] = [];

export function cleanUpChildren(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** An empty folder of the test's own, removed by `cleanUpChildren`. */
export function temporaryFolder(prefix = 'quarry-process-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A SQLite file of the test's own, so the gateway never writes into the source tree. */
export function temporaryDatabaseUrl(): string {
  return `file:${join(temporaryFolder(), 'quarry.db')}`;
}

function spawnTs(entry: string, args: readonly string[], env: Record<string, string>): ChildHandle {
  const child = spawn(process.execPath, ['--conditions=@quarry/source', '--import', 'tsx', entry, ...args], {
    cwd: SERVER_DIR,
    // Only what Node needs: no inherited QUARRY_* or AWS_* settings from the developer's shell.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** `src/main.ts` with only `env` (plus LOG_LEVEL=info and a temporary SQLite database unless given). */
export function spawnGateway(env: Record<string, string>): ChildHandle {
  return spawnTs('src/main.ts', [], { LOG_LEVEL: 'info', DATABASE_URL: temporaryDatabaseUrl(), ...env });
}

/** The emulator's CLI on `port`; resolves once it listens. */
export async function spawnEmulator(port: number, latency: 'zero' | 'realistic'): Promise<ChildHandle> {
  const emulator = spawnTs(EMULATOR_CLI, ['--port', String(port), '--latency', latency], {});
  await waitForOutput(emulator, (stdout) => stdout.includes('Quarry emulator listening on'));
  return emulator;
}

/** pino lines on stdout, parsed. */
export function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export async function waitForLog(handle: ChildHandle, event: string): Promise<Record<string, unknown>> {
  await waitForOutput(handle, (stdout) => logLines(stdout).some((entry) => entry['event'] === event));
  return logLines(handle.stdout()).find((entry) => entry['event'] === event)!;
}

/** Resolves when `ready(stdout)` holds; fails at once if the process exits first. */
async function waitForOutput(handle: ChildHandle, ready: (stdout: string) => boolean): Promise<void> {
  if (ready(handle.stdout())) return;
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!ready(handle.stdout())) return;
      cleanup();
      resolve();
    };
    const exit = (): void => {
      cleanup();
      reject(
        new Error(
          `the process exited before it was ready; stdout:\n${handle.stdout()}\nstderr:\n${handle.stderr()}`,
        ),
      );
    };
    const cleanup = (): void => {
      handle.child.stdout?.off('data', check);
      handle.child.off('exit', exit);
    };
    handle.child.stdout?.on('data', check);
    handle.child.once('exit', exit);
  });
}

/** A port nothing listens on right now (for a process that must come back on the same one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
