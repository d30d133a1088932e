/** Batch jobs created through the gateway and who created them (migration 0020). */
export interface BatchJobTable {
  /** The job's ARN, which is also its GraphQL id. */
  readonly id: string;
  /** The creating key's id ("admin" until API keys exist); only it sees and follows the job. */
  readonly owner: string;
  readonly model_id: string;
  readonly name: string;
  /** ISO-8601 UTC. */
  readonly created_at: string;
}

export interface BatchJobTables {
  batch_jobs: BatchJobTable;
}
