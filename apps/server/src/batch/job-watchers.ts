import { ValidationError, type Logger, type QuarryClient } from '@quarry/core';

import { toCustomizationJob } from '../mapping/control-plane-views.js';
import type { CustomizationJob } from '../schema/__generated__/resolvers-types.js';
import type { BatchService } from './batch-service.js';
import { TERMINAL_BATCH_STATUSES, type BatchJobView } from './batch-job-view.js';
import { createJobWatcher, type JobWatcher } from './job-watcher.js';

/** The pollers behind batchJobProgress and customizationJobProgress. */
export interface JobWatchers {
  readonly batch: JobWatcher<BatchJobView>;
  readonly customization: JobWatcher<CustomizationJob>;
  close(): void;
}

const DEFAULT_POLLING = { minIntervalMs: 1_000, maxIntervalMs: 15_000 };
const TERMINAL_CUSTOMIZATION_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Stopped']);

export function createJobWatchers(
  client: QuarryClient,
  batch: BatchService,
  logger: Logger,
  polling: { readonly minIntervalMs: number; readonly maxIntervalMs: number } = DEFAULT_POLLING,
): JobWatchers {
  const batchWatcher = createJobWatcher<BatchJobView>({
    ...polling,
    logger,
    fetch: (id, signal) => batch.get(id, signal).then((job) => job ?? missing(id)),
    fingerprint: (job) =>
      JSON.stringify([
        job.status,
        job.recordCount,
        job.processedCount,
        job.succeededCount,
        job.failedCount,
        job.message,
      ]),
    isTerminal: (job) => TERMINAL_BATCH_STATUSES.has(job.status),
  });
  const customizationWatcher = createJobWatcher<CustomizationJob>({
    ...polling,
    logger,
    fetch: async (id, signal) => toCustomizationJob(await client.getCustomizationJob(id, { signal })),
    fingerprint: (job) => JSON.stringify([job.status, job.customModelArn, job.endTime, job.failureMessage]),
    isTerminal: (job) => TERMINAL_CUSTOMIZATION_STATUSES.has(job.status),
  });
  return {
    batch: batchWatcher,
    customization: customizationWatcher,
    close() {
      batchWatcher.close();
      customizationWatcher.close();
    },
  };
}

function missing(id: string): never {
  throw new ValidationError('id', `No batch job ${id}: pass the id createBatchJob or batchJobs returned.`);
}
