import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An earlier commit, checked out and built, whose gateway `pnpm bench:compare` runs. */
export interface BaseBuild {
  readonly root: string;
  readonly commit: string;
  readonly subject: string;
}

/**
 * A built checkout of `ref`: a detached git worktree in the system's temp folder, installed from
 * its own lockfile and built once per commit (later runs reuse it), so the earlier gateway runs
 * with exactly the dependencies it was built with (each such checkout stays there, reused, until
 * `git worktree remove` or the system's temp cleaner takes it). Throws saying so when the ref does
 * not name a commit, and with pnpm's message when the build fails.
 */
export function prepareBaseBuild(repoRoot: string, ref: string): BaseBuild {
  let commit: string;
  try {
    commit = git(repoRoot, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`bench:compare: "${ref}" names no commit here; give a branch, tag or commit hash.`);
  }
  const root = join(tmpdir(), `quarry-bench-base-${commit.slice(0, 12)}`);
  if (!existsSync(join(root, 'apps/server/dist/gateway/main.js'))) {
    if (!existsSync(root)) {
      // A worktree whose folder the system's temp cleaner removed is still registered: forget it first.
      git(repoRoot, 'worktree', 'prune');
      git(repoRoot, 'worktree', 'add', '--detach', root, commit);
    }
    console.log(`bench:compare: installing and building ${commit.slice(0, 12)} in ${root} (once per commit)`);
    run(root, 'pnpm', 'install', '--frozen-lockfile', '--prefer-offline');
    run(
      root,
      'pnpm',
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@quarry/server...',
      '--output-logs=errors-only',
    );
  }
  return { root, commit, subject: git(repoRoot, 'log', '-1', '--format=%s', commit) };
}

function git(cwd: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

function run(cwd: string, command: string, ...args: string[]): void {
  execFileSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
}
