import type { ModelCatalog } from '@quarry/core/catalog';

import type { ResourceIds } from './resource-ids.js';

/** What every control-plane component of one emulator instance shares. */
export interface ControlPlaneContext {
  readonly catalog: ModelCatalog;
  readonly strictAccess: boolean;
  readonly jobDurationMs: number;
  /** How long a batch (model invocation) job takes from Submitted to Completed. */
  readonly batchJobDurationMs: number;
  readonly provisioningDurationMs: number;
  /** Epoch milliseconds; state transitions are computed from it when read, so no timers run. */
  readonly now: () => number;
  readonly accountId: string;
  readonly ids: ResourceIds;
  /** Creation order across the instance, to break ties between resources created in the same millisecond. */
  nextSequence(): number;
}
