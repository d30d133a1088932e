import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { profileMarkdown, summarizeProfile } from './profile-summary.js';
import { startGatewayProcess, type GatewayProcessOptions } from './processes.js';

const PROFILE_DIR = fileURLToPath(new URL('../results/profiles/', import.meta.url));

/**
 * Profiles a fresh gateway process (`node --cpu-prof`) while `load` runs against it, and returns
 * the self-time summary of the samples taken during the load as markdown: what a missed target's row points to. The raw .cpuprofile
 * stays in bench/results/profiles/ (git-ignored) for Chrome DevTools.
 */
export async function profileGateway(
  title: string,
  upstream: string,
  cpu: number | undefined,
  options: GatewayProcessOptions,
  load: (gatewayUrl: string) => Promise<void>,
): Promise<string[]> {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const name = title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  for (const file of readdirSync(PROFILE_DIR)) if (file.startsWith(name)) rmSync(PROFILE_DIR + file);
  const gateway = await startGatewayProcess(upstream, cpu, {
    ...options,
    unbundled: true,
    nodeFlags: [
      ...(options.nodeFlags ?? []),
      '--cpu-prof',
      `--cpu-prof-dir=${PROFILE_DIR}`,
      `--cpu-prof-name=${name}.cpuprofile`,
    ],
  });
  // Samples before the load (the process starting: module loading, compilation) are left out.
  const loadStartedUs = Number(process.hrtime.bigint() / 1000n);
  try {
    await load(gateway.url);
  } finally {
    // The profile is written when the process exits normally (SIGTERM → graceful stop).
    await gateway.stop();
  }
  return profileMarkdown(title, summarizeProfile(`${PROFILE_DIR}${name}.cpuprofile`, 15, loadStartedUs));
}
