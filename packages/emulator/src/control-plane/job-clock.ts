import { validationError } from './bedrock-errors.js';

/** A customization or batch job: its status is derived from the clock when read, so no timers run. */
export interface ClockedJob {
  readonly createdAt: number;
  /** When its Stop call arrived; progress freezes there. */
  stoppedAt: number | undefined;
}

/**
 * Where a job running for `durationMs` stands at `now`: the instant progress is measured at (frozen
 * by a stop) and, once over, how and when it ended. The job kinds differ only while running.
 */
export function jobProgress(
  job: ClockedJob,
  now: number,
  durationMs: number,
): { observedAt: number; completesAt: number; ended?: { status: 'Stopped' | 'Completed'; at: number } } {
  const completesAt = job.createdAt + durationMs;
  const observedAt = Math.min(now, job.stoppedAt ?? Number.POSITIVE_INFINITY);
  if (job.stoppedAt !== undefined)
    return { observedAt, completesAt, ended: { status: 'Stopped', at: job.stoppedAt } };
  if (now >= completesAt) return { observedAt, completesAt, ended: { status: 'Completed', at: completesAt } };
  return { observedAt, completesAt };
}

/** Stop*Job: freezes `job` at `now`; a `status` not in `stoppable` is a ValidationException naming `what`. */
export function stopJob<Status extends string>(
  job: ClockedJob,
  status: Status,
  stoppable: readonly Status[],
  what: string,
  now: number,
): void {
  if (!stoppable.includes(status)) throw validationError(`The ${what} is ${status} and cannot be stopped.`);
  job.stoppedAt = now;
}
