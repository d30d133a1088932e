import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  /** Microseconds on the monotonic clock `process.hrtime` reads, as are the deltas below. */
  readonly startTime: number;
  /** The node each sample landed in, and the time since the previous sample. */
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  /** Share of the process's busy samples (idle excluded), in percent. */
  readonly percent: number;
}

export interface ProfileSummary {
  readonly busySamples: number;
  /** Self time by owner: a package under node_modules, a workspace package, node internals, GC. */
  readonly byOwner: readonly ProfileShare[];
  /** The hottest functions by self time. */
  readonly topFunctions: readonly ProfileShare[];
}

/** Who a frame's code belongs to, so a profile reads as "the SDK", "graphql", "Quarry's core". */
function ownerOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1] !== undefined) return inModules[1];
  if (url.startsWith('node:')) return 'node internals';
  const workspace = /\/(apps\/[^/]+|packages\/[^/]+|bench)\//.exec(url);
  return workspace?.[1] ?? url;
}

/**
 * Self-time summary of a V8 .cpuprofile (what `node --cpu-prof` writes). With `fromUs` (a
 * `process.hrtime` reading in µs), only samples taken from then on count: a profile covers the
 * process's whole life, and its start-up (module loading, compilation) is not the load's cost.
 */
export function summarizeProfile(path: string, top = 15, fromUs?: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const hitsOf = new Map<number, number>();
  if (fromUs !== undefined && profile.samples !== undefined && profile.timeDeltas !== undefined) {
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      at += profile.timeDeltas?.[index] ?? 0;
      if (at >= fromUs) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1);
    });
  } else {
    for (const node of profile.nodes) hitsOf.set(node.id, node.hitCount ?? 0);
  }
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const hits = hitsOf.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (hits === 0 || functionName === '(idle)') continue;
    busy += hits;
    const owner = ownerOf(url, functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits);
    const name = `${functionName || '(anonymous)'} ${owner}${url === '' ? '' : `:${lineNumber + 1}`}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
  }
  const shares = (counts: Map<string, number>): ProfileShare[] =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, percent: Math.round((hits / Math.max(1, busy)) * 1000) / 10 }));
  return { busySamples: busy, byOwner: shares(byOwner), topFunctions: shares(byFunction) };
}

/** The summary as markdown lines. */
export function profileMarkdown(title: string, summary: ProfileSummary): string[] {
  return [
    `### ${title}`,
    '',
    `${summary.busySamples} busy samples. Self time by owner:`,
    '',
    ...summary.byOwner.map((share) => `- ${share.name}: ${share.percent}%`),
    '',
    'Hottest functions (self time):',
    '',
    ...summary.topFunctions.map((share) => `- \`${share.name}\`: ${share.percent}%`),
    '',
  ];
}
