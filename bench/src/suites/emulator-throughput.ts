import { Agent } from 'node:http';
import { jsonPoster } from '../http-post.js';
import { round, throughput } from '../measure.js';
import {
  cpuSecondsOf,
  pinSelf,
  startBaselineProcess,
  startEmulatorProcess,
  unpinSelf,
} from '../processes.js';
import type { SuiteResult } from './suite-result.js';

const TARGET = 5_000;
const BODY = JSON.stringify({
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 32,
  messages: [{ role: 'user', content: 'Hello, emulator.' }],
});

/**
 * InvokeModel/s of the standalone emulator (own process pinned to core 0, zero latency) vs a bare
 * node:http server pinned the same way, driven from this process on core 1. Requests per CPU-second
 * of the server process is reported too: unlike wall-clock req/s it holds when other work shares
 * the machine.
 */
export async function emulatorThroughput(durationMs: number, rounds: number): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0);
  const baseline = await startBaselineProcess(0);
  const pinned = pinSelf('1');
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const post = (base: string) =>
      jsonPoster(new URL('/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke', base).href, BODY, {
        agent,
      });
    const options = { concurrency: 64, durationMs };
    await throughput(post(emulator.url), { concurrency: 64, durationMs: 2_000 });
    await throughput(post(baseline.url), { concurrency: 64, durationMs: 2_000 });
    const measure = async (server: typeof emulator) => {
      const cpuBefore = cpuSecondsOf(server.child.pid);
      const run = await throughput(post(server.url), options);
      const cpuAfter = cpuSecondsOf(server.child.pid);
      const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      return { ...run, cpuSeconds: cpu };
    };
    // Short alternating rounds: this machine's speed drifts, so both servers must see the same drift.
    const emulatorRuns = [];
    const baselineRuns = [];
    for (let index = 0; index < rounds; index++) {
      emulatorRuns.push(await measure(emulator));
      baselineRuns.push(await measure(baseline));
    }
    const combine = (runs: readonly Awaited<ReturnType<typeof measure>>[]) => {
      const calls = runs.reduce((sum, run) => sum + run.calls, 0);
      const cpu = runs.every((run) => run.cpuSeconds !== undefined)
        ? runs.reduce((sum, run) => sum + (run.cpuSeconds ?? 0), 0)
        : undefined;
      const sorted = runs.map((run) => run.callsPerSecond).sort((a, b) => a - b);
      return {
        callsPerSecond: sorted[Math.floor(sorted.length / 2)] ?? 0,
        rounds: runs.map((run) => run.callsPerSecond),
        failures: runs.reduce((sum, run) => sum + run.failures, 0),
        perCpuSecond: cpu === undefined || cpu === 0 ? undefined : round(calls / cpu, 0),
      };
    };
    const emulatorRun = combine(emulatorRuns);
    const baselineRun = combine(baselineRuns);
    const ratio = round(emulatorRun.callsPerSecond / baselineRun.callsPerSecond, 2);
    return {
      name: 'emulator-throughput',
      description:
        'Standalone emulator, zero latency, HTTP/1.1 keep-alive, 64 concurrent Claude InvokeModel calls',
      rows: [
        {
          metric: `Emulator InvokeModel/s (one process${pinned ? ' pinned to one core' : ''}, median of ${rounds} rounds); per emulator CPU-second`,
          value: `${emulatorRun.callsPerSecond}; ${emulatorRun.perCpuSecond ?? 'n/a'}`,
          baseline: `bare node:http ${baselineRun.callsPerSecond}/s (ratio ${ratio})`,
          verdict:
            emulatorRun.callsPerSecond >= TARGET && emulatorRun.failures === 0
              ? `meets ≥ ${TARGET}/s`
              : `below ${TARGET}/s`,
        },
      ],
      details: { emulator: emulatorRun, baseline: baselineRun, ratio, target: TARGET, pinned },
    };
  } finally {
    unpinSelf();
    agent.destroy();
    await Promise.all([emulator.stop(), baseline.stop()]);
  }
}
