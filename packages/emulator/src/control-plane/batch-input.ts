import type { RecordOutcome, RecordRunner } from '../runtime/record-runner.js';
import { S3Error, type ObjectStore } from '../s3/object-store.js';
import { parseS3Uri } from '../s3/s3-uri.js';

/** Bedrock's batch inference quotas (Service Quotas, "Batch inference"), the same for every model here. */
const BATCH_QUOTAS = {
  minRecordsPerJob: 100,
  maxRecordsPerFile: 50_000,
  maxRecordsPerJob: 50_000,
  maxFileBytes: 1024 ** 3,
  maxJobBytes: 5 * 1024 ** 3,
  maxFilesPerJob: 1_000,
} as const;

/** One record's output line and what it counted for. */
export interface BatchRecord {
  /** The `<input>.jsonl.out` line, without its newline. */
  readonly line: string;
  readonly ok: boolean;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface BatchInputFile {
  /** The input object's key; its output is `<basename>.out`. */
  readonly key: string;
  readonly records: readonly BatchRecord[];
}

/** What validation made of a job's input: its records in processing order, or why the job fails. */
export type BatchInput =
  | { readonly ok: true; readonly files: readonly BatchInputFile[]; readonly recordCount: number }
  | { readonly ok: false; readonly message: string };

export interface BatchJobSpec {
  readonly region: string;
  readonly modelId: string;
  readonly inputUri: string;
  readonly outputUri: string;
  readonly invocationType: 'InvokeModel' | 'Converse';
}

/**
 * Reads a job's JSONL input from the store (one `.jsonl` object, or every one under a prefix) and
 * runs each record through the model. A line that is not JSON or lacks `modelInput` fails alone,
 * like a record the model refuses; a missing bucket, no input or a quota breach fails the job.
 */
export async function readBatchInput(
  store: ObjectStore,
  run: RecordRunner,
  spec: BatchJobSpec,
): Promise<BatchInput> {
  const input = parseS3Uri(spec.inputUri);
  const output = parseS3Uri(spec.outputUri);
  if (input === undefined || !store.hasBucket(input.bucket)) {
    return fail(
      `Unable to access the input S3 location ${spec.inputUri}: the bucket does not exist or the service role cannot read it.`,
    );
  }
  if (output === undefined || !store.hasBucket(output.bucket)) {
    return fail(
      `Unable to access the output S3 location ${spec.outputUri}: the bucket does not exist or the service role cannot write to it.`,
    );
  }
  const keys = inputKeys(store, input.bucket, input.key);
  if (keys.length === 0) {
    return fail(
      `No JSONL input files were found at ${spec.inputUri}. Upload .jsonl files of records to that location.`,
    );
  }
  if (keys.length > BATCH_QUOTAS.maxFilesPerJob) {
    return fail(
      `The input location has ${keys.length} files; a batch inference job reads at most ${BATCH_QUOTAS.maxFilesPerJob}.`,
    );
  }
  const texts: { key: string; lines: string[] }[] = [];
  let jobBytes = 0;
  let recordCount = 0;
  for (const key of keys) {
    const object = store.get(input.bucket, key);
    if (object.body.length > BATCH_QUOTAS.maxFileBytes) {
      return fail(
        `The input file ${key} is ${object.body.length} bytes, over the ${BATCH_QUOTAS.maxFileBytes}-byte limit for a batch inference input file.`,
      );
    }
    jobBytes += object.body.length;
    const lines = object.body
      .toString('utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    if (lines.length > BATCH_QUOTAS.maxRecordsPerFile) {
      return fail(
        `The input file ${key} has ${lines.length} records, more than the ${BATCH_QUOTAS.maxRecordsPerFile} allowed per file.`,
      );
    }
    recordCount += lines.length;
    texts.push({ key, lines });
  }
  if (jobBytes > BATCH_QUOTAS.maxJobBytes) {
    return fail(
      `The job's input is ${jobBytes} bytes, over the ${BATCH_QUOTAS.maxJobBytes}-byte limit for a batch inference job.`,
    );
  }
  if (recordCount < BATCH_QUOTAS.minRecordsPerJob) {
    return fail(
      `The job's input has ${recordCount} records, fewer than the minimum of ${BATCH_QUOTAS.minRecordsPerJob} records per batch inference job. Add records or use on-demand inference.`,
    );
  }
  if (recordCount > BATCH_QUOTAS.maxRecordsPerJob) {
    return fail(
      `The job's input has ${recordCount} records, more than the maximum of ${BATCH_QUOTAS.maxRecordsPerJob} records per batch inference job. Split it into several jobs.`,
    );
  }
  const files: BatchInputFile[] = [];
  let generated = 0;
  for (const { key, lines } of texts) {
    const records: BatchRecord[] = [];
    for (const line of lines)
      records.push(await runLine(run, spec, line, () => `RECORD${String(++generated).padStart(7, '0')}`));
    files.push({ key, records });
  }
  return { ok: true, files, recordCount };
}

function fail(message: string): BatchInput {
  return { ok: false, message };
}

/** The key itself when it names an object, else every `.jsonl` object under it as a prefix. */
function inputKeys(store: ObjectStore, bucket: string, key: string): string[] {
  if (key !== '' && !key.endsWith('/') && store.find(bucket, key) !== undefined) return [key];
  const keys: string[] = [];
  let after: string | undefined;
  do {
    const page = store.list(bucket, { prefix: key, after, maxKeys: 1000 });
    keys.push(...page.objects.map((object) => object.key).filter((name) => name.endsWith('.jsonl')));
    after = page.nextAfter;
  } while (after !== undefined);
  return keys;
}

async function runLine(
  run: RecordRunner,
  spec: BatchJobSpec,
  line: string,
  nextId: () => string,
): Promise<BatchRecord> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return errorRecord(nextId(), undefined, 400, 'The record is not valid JSON.');
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  // Bedrock assigns an ID to a record that has none.
  const recordId = typeof record['recordId'] === 'string' ? record['recordId'] : nextId();
  const modelInput = record['modelInput'];
  if (typeof modelInput !== 'object' || modelInput === null) {
    return errorRecord(recordId, modelInput, 400, 'The record has no modelInput object.');
  }
  const outcome: RecordOutcome = await run(spec.region, spec.modelId, modelInput, spec.invocationType);
  if (!outcome.ok) return errorRecord(recordId, modelInput, outcome.errorCode, outcome.errorMessage);
  return {
    line: JSON.stringify({ recordId, modelInput, modelOutput: outcome.output }),
    ok: true,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
  };
}

function errorRecord(
  recordId: string,
  modelInput: unknown,
  errorCode: number,
  errorMessage: string,
): BatchRecord {
  return {
    line: JSON.stringify({
      recordId,
      ...(modelInput !== undefined && { modelInput }),
      error: { errorCode, errorMessage },
    }),
    ok: false,
    inputTokens: 0,
    outputTokens: 0,
  };
}

/**
 * Writes `<input basename>.out` per input file (its first `processed` records, in order) and
 * `manifest.json.out` to `<output prefix>/<job id>/`, as Bedrock lays a finished job's output out.
 */
export function writeBatchOutput(
  store: ObjectStore,
  outputUri: string,
  jobId: string,
  files: readonly BatchInputFile[],
  processed: number,
): void {
  const output = parseS3Uri(outputUri);
  if (output === undefined) return;
  const prefix = `${output.key === '' || output.key.endsWith('/') ? output.key : `${output.key}/`}${jobId}/`;
  const totals = { processed: 0, success: 0, error: 0, inputTokens: 0, outputTokens: 0, total: 0 };
  let remaining = processed;
  try {
    for (const file of files) {
      totals.total += file.records.length;
      const done = file.records.slice(0, Math.max(0, remaining));
      remaining -= done.length;
      for (const record of done) {
        totals.processed++;
        if (record.ok) totals.success++;
        else totals.error++;
        totals.inputTokens += record.inputTokens;
        totals.outputTokens += record.outputTokens;
      }
      const name = file.key.slice(file.key.lastIndexOf('/') + 1);
      const body = done.map((record) => `${record.line}\n`).join('');
      store.put(output.bucket, `${prefix}${name}.out`, Buffer.from(body), {
        contentType: 'application/jsonl',
      });
    }
    const manifest = {
      totalRecordCount: totals.total,
      processedRecordCount: totals.processed,
      successRecordCount: totals.success,
      errorRecordCount: totals.error,
      inputTokenCount: totals.inputTokens,
      outputTokenCount: totals.outputTokens,
    };
    store.put(output.bucket, `${prefix}manifest.json.out`, Buffer.from(JSON.stringify(manifest)), {
      contentType: 'application/json',
    });
  } catch (error) {
    // The bucket was deleted while the job ran; Bedrock would fail the write the same quiet way.
    if (!(error instanceof S3Error)) throw error;
  }
}
