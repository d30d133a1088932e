import type { GetModelInvocationJobCommandOutput, ModelInvocationJobSummary } from '@aws-sdk/client-bedrock';

/** A batch job as resolvers pass it around; `results` is resolved from it on demand. */
export interface BatchJobView {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly jobArn: string;
  readonly jobName: string;
  readonly modelId: string;
  readonly status: string;
  readonly recordCount: number | null;
  readonly processedCount: number | null;
  readonly succeededCount: number | null;
  readonly failedCount: number | null;
  readonly submittedAt: string;
  readonly endedAt: string | null;
  readonly submitTime: string;
  readonly lastModifiedTime: string | null;
  readonly endTime: string | null;
  readonly message: string | null;
  readonly inputS3Uri: string | null;
  readonly outputS3Uri: string | null;
}

/** Statuses after which a batch job never changes again. */
export const TERMINAL_BATCH_STATUSES: ReadonlySet<string> = new Set([
  'Completed',
  'PartiallyCompleted',
  'Failed',
  'Stopped',
  'Expired',
]);

// The SDK returns Dates; GraphQL serves ISO-8601 strings.
const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;

export function toBatchJobView(
  job: ModelInvocationJobSummary | GetModelInvocationJobCommandOutput,
): BatchJobView {
  const arn = job.jobArn ?? '';
  const submitted = iso(job.submitTime) ?? '';
  return {
    id: arn,
    arn,
    name: job.jobName ?? '',
    jobArn: arn,
    jobName: job.jobName ?? '',
    modelId: job.modelId ?? '',
    status: job.status ?? 'Submitted',
    recordCount: job.totalRecordCount ?? null,
    processedCount: job.processedRecordCount ?? null,
    succeededCount: job.successRecordCount ?? null,
    failedCount: job.errorRecordCount ?? null,
    submittedAt: submitted,
    endedAt: iso(job.endTime),
    submitTime: submitted,
    lastModifiedTime: iso(job.lastModifiedTime),
    endTime: iso(job.endTime),
    message: job.message ?? null,
    inputS3Uri: job.inputDataConfig?.s3InputDataConfig?.s3Uri ?? null,
    outputS3Uri: job.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? null,
  };
}
