import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HAS_TASKSET = spawnSync('taskset', ['-V']).status === 0;
const HAS_SCHEDSTAT = existsSync('/proc/self/schedstat');
/** A larger young generation: both servers allocate per request, and scavenges dominate their GC. */
const NODE_FLAGS = '--max-semi-space-size=64';

export interface RunningProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Pins this process to `cpus` (a taskset list such as "1" or "0-1") when `taskset` exists
 * (Linux), so a server under test and its load generator do not steal each other's core.
 * Returns whether it could.
 */
export function pinSelf(cpus: string): boolean {
  return HAS_TASKSET && spawnSync('taskset', ['-cp', cpus, String(process.pid)]).status === 0;
}

/**
 * Lets this process run on every core again after a pinned suite. The core count comes from
 * `cpus()`: `availableParallelism()` counts only the cores this process is pinned to, so it would
 * re-pin to the same single core, and every process spawned afterwards would inherit that pin.
 */
export function unpinSelf(): void {
  if (HAS_TASKSET) spawnSync('taskset', ['-cp', `0-${Math.max(0, cpus().length - 1)}`, String(process.pid)]);
}

/**
 * Throws unless this process may run on every core: a suite that measures "everything sharing
 * the machine" must not inherit a pin left behind by another (its children would inherit it too).
 */
export function assertUnpinned(): void {
  let allowed: string | undefined;
  try {
    allowed = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  } catch {
    return; // Not Linux: nothing pins here.
  }
  const all = cpus().length === 1 ? '0' : `0-${cpus().length - 1}`;
  if (allowed !== undefined && allowed !== all)
    throw new Error(
      `the load generator is pinned to CPUs ${allowed}, not all of ${all}: an earlier suite left it pinned`,
    );
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined off Linux. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** How long a thread ran and how long it sat runnable, waiting for a CPU. */
export interface Scheduling {
  readonly runMs: number;
  readonly waitMs: number;
}

/**
 * A process's main thread's scheduling so far, from /proc/<pid>/schedstat; undefined off Linux.
 * Waiting is time something else held its core: other processes, or on a pinned core this
 * process's own helper threads (GC, compiler). It tells a server that is slow from one that was
 * not let run.
 */
export function schedulingOf(pid: number | undefined): Scheduling | undefined {
  if (pid === undefined) return undefined;
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return run === undefined || wait === undefined ? undefined : { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds a process's threads have run so far, summed from the scheduler's nanosecond
 * counters (`/proc/<pid>/task/<tid>/schedstat`, user + system): `cpuSecondsOf` moves in 10 ms
 * ticks, too coarse to price a few calls. Threads that have exited drop out of the sum, which is
 * fine for Node's long-lived main, GC and libuv threads. Falls back to `cpuSecondsOf` where the
 * kernel keeps no schedstat; undefined off Linux.
 */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (!HAS_SCHEDSTAT) {
    const seconds = cpuSecondsOf(pid);
    return seconds === undefined ? undefined : seconds * 1000;
  }
  if (pid === undefined) return undefined;
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let nanoseconds = 0;
  for (const thread of threads) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread exited since the listing: it has no more time to add.
    }
  }
  return nanoseconds / 1e6;
}

/**
 * Spawns `node <NODE_FLAGS> ...args` from the repository root, pinned to `cpu` when given and
 * possible, with the same V8 flag `pnpm start` and `pnpm emulator` use.
 */
function spawnNode(
  args: readonly string[],
  env: Record<string, string>,
  cpu: number | undefined,
  stdout: 'pipe' | 'ignore',
  root = ROOT,
): ChildProcess {
  const nodeArgs = [NODE_FLAGS, ...args];
  const pinned = cpu !== undefined && HAS_TASKSET;
  return spawn(
    pinned ? 'taskset' : process.execPath,
    pinned ? ['-c', String(cpu), process.execPath, ...nodeArgs] : nodeArgs,
    {
      cwd: root,
      env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', stdout, 'pipe'],
    },
  );
}

/**
 * Starts a Node program (pinned to `cpu` when given and possible) and resolves once its output
 * matches `ready`, whose first group is the URL it serves.
 */
function startProcess(
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  cpu?: number,
): Promise<RunningProcess> {
  const child = spawnNode(args, env, cpu, 'pipe');
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match?.[1] === undefined) return;
      child.stdout?.off('data', onData);
      // Drain further output unread, so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        url: match[1],
        child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => {
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      reject(new Error(`${args.join(' ')} exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

/** Resident memory of a process in bytes, from /proc; undefined off Linux. */
export function rssBytesOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** The standalone emulator in its own process (zero latency unless asked for realistic timing). */
export function startEmulatorProcess(
  cpu?: number,
  latency: 'zero' | 'realistic' = 'zero',
): Promise<RunningProcess> {
  return startProcess(
    ['packages/emulator/dist/cli.js', '--port', '0', '--latency', latency],
    {},
    /listening on (http:\/\/\S+)/,
    cpu,
  );
}

/** A bare node:http server answering fixed JSON: the emulator's throughput baseline. */
export function startBaselineProcess(cpu?: number): Promise<RunningProcess> {
  return startProcess(
    [fileURLToPath(new URL('./baseline-server.js', import.meta.url))],
    {},
    /listening on (http:\/\/\S+)/,
    cpu,
  );
}

/** A plain node:http relay calling the Quarry client: the gateway's "any service in between" baseline. */
export function startRelayProcess(upstream: string, cpu?: number): Promise<RunningProcess> {
  return startProcess(
    [fileURLToPath(new URL('./relay-server.js', import.meta.url)), upstream],
    {},
    /listening on (http:\/\/\S+)/,
    cpu,
  );
}

/**
 * The peer the issue compares with: Portkey's AI gateway (`@portkey-ai/gateway`, a widely used
 * JavaScript AI gateway), pinned in the bench's devDependencies and run as published. It reaches
 * Bedrock's Converse API at the emulator through its `x-portkey-custom-host` header
 * (PEER_HEADERS); its startup banner names the URL it serves.
 */
export async function startPeerGatewayProcess(cpu?: number): Promise<RunningProcess> {
  const entry = createRequire(import.meta.url).resolve('@portkey-ai/gateway/build/start-server.js');
  return startProcess(
    [entry, `--port=${await freePort()}`, '--headless'],
    {},
    /(http:\/\/localhost:\d+)/,
    cpu,
  );
}

/** The headers that send a peer-gateway chat completion to Bedrock at `upstream`, with bench credentials. */
export function peerHeaders(upstream: string): Record<string, string> {
  return {
    'x-portkey-provider': 'bedrock',
    'x-portkey-aws-access-key-id': 'bench',
    'x-portkey-aws-secret-access-key': 'bench',
    'x-portkey-aws-region': 'us-east-1',
    'x-portkey-custom-host': upstream,
  };
}

export const BENCH_ADMIN_KEY = 'quarry-bench-admin-key-0001';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/**
 * The gateway in its own process, pointed at a running emulator, with its default (info) logging:
 * the benchmark measures what users run. Its logs go to /dev/null, as to a log shipper's file,
 * so draining a pipe never wakes this process mid-measurement; readiness is polled on /health.
 */
export interface GatewayProcessOptions {
  /** Extra environment, e.g. `QUARRY_RUNTIME_PATH: 'sdk'` for the SDK-path baseline. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra Node flags before the script, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /**
   * Run tsc's module tree (`dist/main.js`) instead of the bundle `pnpm start` runs: the same code,
   * but a profile can tell Apollo, graphql-js and the SDK apart by their files.
   */
  readonly unbundled?: boolean;
  /**
   * The checkout whose built gateway runs (default: this one): `pnpm bench:compare` runs an
   * earlier build from its own checkout, with that checkout's dependencies.
   */
  readonly root?: string;
}

export interface RunningGateway extends RunningProcess {
  /** Milliseconds from spawn until the first answered request (`/health`). */
  readonly startedInMs: number;
}

export async function startGatewayProcess(
  upstream: string,
  cpu?: number,
  options: GatewayProcessOptions = {},
): Promise<RunningGateway> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'quarry-bench-'));
  const database = join(folder, 'quarry.db');
  const spawnedAt = performance.now();
  const child = spawnNode(
    [
      ...(options.nodeFlags ?? []),
      options.unbundled === true ? 'apps/server/dist/main.js' : 'apps/server/dist/gateway/main.js',
    ],
    {
      PORT: String(port),
      QUARRY_UPSTREAM: upstream,
      QUARRY_ADMIN_KEY: BENCH_ADMIN_KEY,
      NODE_ENV: 'production',
      // One SQLite store per gateway process (a file serves one process), removed on stop.
      DATABASE_URL: `file:${database}`,
      ...options.env,
    },
    cpu,
    'ignore',
    options.root,
  );
  // Warnings and crashes stay visible; a pipe nobody reads would eventually block the gateway.
  child.stderr?.pipe(process.stderr);
  const base = `http://127.0.0.1:${port}`;
  // Polled every 10 ms so the start-up time is measured to within that.
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      if (attempt > 3_000) throw new Error('the gateway did not become healthy within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const startedInMs = performance.now() - spawnedAt;
  return {
    url: `${base}/graphql`,
    startedInMs,
    child,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => {
          rmSync(folder, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
