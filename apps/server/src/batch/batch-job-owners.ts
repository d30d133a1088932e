import { requireOperation } from '../governance/require-operation.js';
import { ValidationError } from '@quarry/core';

import type { GatewayContext } from '../context.js';
import type { Store } from '../store/store.js';

/** Who created which batch job, kept in the store so ownership survives a restart. */
export async function recordBatchJob(
  store: Store,
  job: { readonly id: string; readonly owner: string; readonly modelId: string; readonly name: string },
): Promise<void> {
  await store.db
    .insertInto('batch_jobs')
    .values({
      id: job.id,
      owner: job.owner,
      model_id: job.modelId,
      name: job.name,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Whether `owner` created the job with this id (its ARN). */
export async function ownsBatchJob(store: Store, id: string, owner: string): Promise<boolean> {
  const row = await store.db
    .selectFrom('batch_jobs')
    .select('id')
    .where('id', '=', id)
    .where('owner', '=', owner)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of `owner`'s jobs, newest first. */
export async function ownedBatchJobIds(store: Store, owner: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('batch_jobs')
    .select('id')
    .where('owner', '=', owner)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

/** Throws BAD_USER_INPUT unless the caller created the job: other keys' jobs do not exist for it. */
export async function requireOwnedBatchJob(context: GatewayContext, id: string): Promise<void> {
  requireOperation(context.caller, 'JOBS', 'batchJob');
  if (!(await ownsBatchJob(context.store, id, context.caller.keyId))) {
    throw new ValidationError('id', `No batch job ${id}: pass the id createBatchJob or batchJobs returned.`);
  }
}
