import type { CatalogModel } from '../catalog/catalog-model.js';
import type { ChatRequest, ChatResult } from '../codec-kit/chat-types.js';
import type { ChatCodec } from '../codec-kit/codec.js';
import { costOfUsage, type Cost } from '../cost/cost.js';
import { QuarryError, ValidationError } from '../errors/quarry-error.js';

/** Bedrock's batch price is half the on-demand price for the same tokens. */
export const BATCH_DISCOUNT = 0.5;

/** Bedrock refuses batch jobs with fewer records (Service Quotas, "Minimum number of records per batch inference job"). */
export const MIN_BATCH_RECORDS = 100;
/** …and with more. */
export const MAX_BATCH_RECORDS = 50_000;

/** One decoded line of a batch job's `.jsonl.out`. */
export type BatchRecordOutcome =
  | { readonly recordId: string; readonly ok: true; readonly result: ChatResult; readonly cost: Cost }
  | { readonly recordId: string; readonly ok: false; readonly error: string };

/**
 * The JSONL input of a batch job: each request validated and encoded by the family's codec into
 * the native InvokeModel body, one `{"recordId","modelInput"}` line each. Record IDs are
 * `RECORD0000001`… in order. Throws ValidationError naming the record (`records[3].maxTokens`) and
 * the count limits, before anything is uploaded.
 */
export function encodeBatchRecords(
  codec: ChatCodec,
  model: CatalogModel,
  requests: readonly ChatRequest[],
): string {
  if (requests.length < MIN_BATCH_RECORDS || requests.length > MAX_BATCH_RECORDS) {
    throw new ValidationError(
      'records',
      `A batch job takes ${MIN_BATCH_RECORDS} to ${MAX_BATCH_RECORDS} records (Bedrock's quotas), got ${requests.length}. Use invoke for fewer.`,
    );
  }
  return requests
    .map((request, index) => {
      try {
        codec.validate(model, request);
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ValidationError(`records[${index}].${error.field}`, `Record ${index}: ${error.message}`);
        }
        throw error;
      }
      return JSON.stringify({ recordId: batchRecordId(index), modelInput: codec.encodeRequest(request) });
    })
    .join('\n');
}

/** The record ID encodeBatchRecords gives the request at `index`. */
export function batchRecordId(index: number): string {
  return `RECORD${String(index + 1).padStart(7, '0')}`;
}

/**
 * Decodes a batch output file: `modelOutput` through the family's codec (text, stop reason, usage,
 * cost at the batch discount), `error` as its message. A line the codec cannot read is reported as
 * that record's error rather than failing the page.
 */
export function decodeBatchOutput(
  codec: ChatCodec,
  model: CatalogModel,
  jsonl: string,
): BatchRecordOutcome[] {
  const outcomes: BatchRecordOutcome[] = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: {
      recordId?: unknown;
      modelOutput?: unknown;
      error?: { errorCode?: unknown; errorMessage?: unknown };
    };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      outcomes.push({ recordId: '', ok: false, error: 'The output line is not valid JSON.' });
      continue;
    }
    const recordId = typeof parsed.recordId === 'string' ? parsed.recordId : '';
    if (parsed.modelOutput === undefined) {
      const code = typeof parsed.error?.errorCode === 'number' ? ` (${parsed.error.errorCode})` : '';
      const message =
        typeof parsed.error?.errorMessage === 'string' ? parsed.error.errorMessage : 'The record failed.';
      outcomes.push({ recordId, ok: false, error: `${message}${code}` });
      continue;
    }
    try {
      const result = codec.decodeResponse(parsed.modelOutput);
      outcomes.push({ recordId, ok: true, result, cost: batchCost(model, result) });
    } catch (error) {
      outcomes.push({
        recordId,
        ok: false,
        error: error instanceof QuarryError ? error.message : 'The model output could not be decoded.',
      });
    }
  }
  return outcomes;
}

function batchCost(model: CatalogModel, result: ChatResult): Cost {
  const cost = costOfUsage(model, result.usage);
  return {
    inputUsd: cost.inputUsd * BATCH_DISCOUNT,
    outputUsd: cost.outputUsd * BATCH_DISCOUNT,
    totalUsd: cost.totalUsd * BATCH_DISCOUNT,
    priced: cost.priced,
  };
}
