import { startEmulator, type Emulator, type LatencyOption } from '@quarry/emulator';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** What `pnpm start` runs after its build. */
const MAIN = join(REPO, 'apps/server/dist/gateway/main.js');
const STARTUP_MS = 60_000;

export const ADMIN_KEY = 'playground-test-admin-key-0123456789';

export interface TestGateway {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The upstream: its fault rules and stats (open streams) are what the tests inspect. */
  readonly emulator: Emulator;
  /** A GraphQL call with the admin key, for setting up what the page then shows. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string,
  ): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A gateway process started like `pnpm start` (the built `apps/server/dist/main.js`, serving the
 * built playground) on an ephemeral port, in front of an emulator running in this process.
 */
export async function startTestGateway(latency: LatencyOption): Promise<TestGateway> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`pnpm build\` first (turbo does before this test).`);
  const emulator = await startEmulator({ port: 0, latency });
  const folder = mkdtempSync(join(tmpdir(), 'quarry-playground-'));
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', MAIN], {
    cwd: REPO,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      QUARRY_UPSTREAM: emulator.url,
      QUARRY_UPSTREAM_CREDENTIALS: 'dummy',
      QUARRY_ADMIN_KEY: ADMIN_KEY,
      DATABASE_URL: `file:${join(folder, 'quarry.db')}`,
      // Fail fast instead of retrying for long: the error tests want the gateway's final answer.
      QUARRY_SHUTDOWN_GRACE_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  // A test run that dies must not leave a gateway behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    process.off('exit', killOnExit);
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not start in ${STARTUP_MS} ms`)),
        STARTUP_MS,
      );
      const onData = () => {
        for (const line of stdout.split('\n')) {
          if (!line.startsWith('{')) continue;
          const entry = JSON.parse(line) as { event?: string; url?: string };
          if (entry.event === 'gateway.listening' && entry.url !== undefined) {
            clearTimeout(timer);
            child.stdout!.off('data', onData);
            resolve(entry.url);
          }
        }
      };
      child.stdout!.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the gateway exited during startup\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      });
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const origin = new URL(url).origin;

  return {
    origin,
    emulator,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, key = ADMIN_KEY) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
    stop: cleanup,
  };
}
