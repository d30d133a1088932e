import type { ModelCatalog } from '@quarry/core/catalog';

import type { EmulatorRequest } from '../http/emulator-request.js';
import { createAgreements } from './agreements.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { createCustomModels } from './custom-models.js';
import { createCustomizationJobs } from './customization-jobs.js';
import { foundationModelRoutes } from './foundation-models.js';
import { createInferenceProfiles } from './inference-profiles.js';
import { createInvocationJobs } from './invocation-jobs.js';
import { findInvocableModel } from './model-identifiers.js';
import { createProvisionedThroughputs } from './provisioned-throughput.js';
import { createResourceIds } from './resource-ids.js';
import { findOperation, type RouteOperation } from './route-matcher.js';
import type { RecordRunner } from '../runtime/record-runner.js';
import type { ObjectStore } from '../s3/object-store.js';

export interface ControlPlaneOptions {
  readonly catalog: ModelCatalog;
  /** When true, catalog models with `requiresAgreement` are denied until CreateFoundationModelAgreement in that region. */
  readonly strictAccess: boolean;
  /** How long customization jobs take to complete. */
  readonly jobDurationMs: number;
  /** How long batch (model invocation) jobs take to complete; 0 finishes them as they are created. */
  readonly batchJobDurationMs: number;
  /** The S3 store batch jobs read their input from and write their output to. */
  readonly objectStore: ObjectStore;
  /** Runs one batch record through the runtime's model handlers. */
  readonly runRecord: RecordRunner;
  /** How long provisioned throughput stays Creating (or Updating after a model switch). */
  readonly provisioningDurationMs: number;
  /** Epoch milliseconds; every state transition is computed from it when read. */
  readonly now: () => number;
  /** The 12-digit account placed in the ARNs of created resources. */
  readonly accountId: string;
}

/**
 * Bedrock's control plane (`bedrock.{region}.amazonaws.com`, bedrock-protocol.md §6): foundation
 * models, agreements, inference profiles, customization jobs and custom models, provisioned
 * throughput and batch jobs. State lives in the instance; resources are regional.
 */
export interface ControlPlane {
  /** The control-plane operation for the method and path, not run yet; undefined when there is none. */
  match(request: EmulatorRequest): RouteOperation | undefined;
  /**
   * A provisioned throughput of `region` by ARN, ID or name: the base model it serves and its status
   * (`Creating`, `InService`, `Updating`). Like every lookup below, blind to other regions' resources.
   */
  lookupProvisioned(region: string, arnOrId: string): { modelId: string; status: string } | undefined;
  /** The base model behind an application inference profile ARN (or ID) of `region`. */
  lookupApplicationProfile(region: string, arn: string): { modelId: string } | undefined;
  /** The base model of an existing custom model (ARN or name) of `region`; undefined before its job completes. */
  lookupCustomModel(region: string, arn: string): { baseModelId: string } | undefined;
  /** False only with strict access, for a catalog model that needs an agreement, until one exists for that region. */
  hasAccess(region: string, modelId: string): boolean;
  /** Writes the output of batch jobs the clock says have ended; called before every S3 operation. */
  settleBatchJobs(): void;
  /** Drops all state, idempotency tokens included (a replayed token would name a resource that is gone). */
  close(): void;
}

/** One isolated control plane; `close()` drops its state. See ControlPlane for what each lookup returns. */
export function createControlPlane(options: ControlPlaneOptions): ControlPlane {
  let sequence = 0;
  const context: ControlPlaneContext = {
    ...options,
    ids: createResourceIds(`control-plane:${options.accountId}`),
    nextSequence: () => ++sequence,
  };
  const agreements = createAgreements(context);
  const profiles = createInferenceProfiles(context);
  const jobs = createCustomizationJobs(context, agreements);
  // Custom models and provisioned throughput depend on each other (a model in use cannot be deleted);
  // the closure reads `provisioned` only when a request arrives, after both exist.
  const customModels = createCustomModels(context, jobs, (modelArn) => provisioned.usesModel(modelArn));
  const provisioned = createProvisionedThroughputs(context, agreements, customModels);
  const invocationJobs = createInvocationJobs(
    context,
    agreements,
    (identifier, region) => {
      const application = profiles.lookupApplicationProfile(identifier, region);
      return application === undefined
        ? findInvocableModel(context.catalog, identifier)
        : context.catalog.get(application.modelId);
    },
    { store: options.objectStore, runRecord: options.runRecord },
  );

  const routes = [
    ...foundationModelRoutes(context),
    ...agreements.routes,
    ...profiles.routes,
    ...jobs.routes,
    ...customModels.routes,
    ...provisioned.routes,
    ...invocationJobs.routes,
  ];

  return {
    match: (request) => findOperation(routes, request),
    lookupProvisioned: (region, arnOrId) => provisioned.lookup(arnOrId, region),
    lookupApplicationProfile: (region, arn) => profiles.lookupApplicationProfile(arn, region),
    lookupCustomModel(region, arn) {
      const model = customModels.find(arn, region);
      return model === undefined ? undefined : { baseModelId: model.baseModelId };
    },
    hasAccess: (region, modelId) => agreements.hasAccess(region, modelId),
    settleBatchJobs: () => {
      invocationJobs.settleAll();
    },
    close() {
      agreements.clear();
      profiles.clear();
      jobs.clear();
      provisioned.clear();
      invocationJobs.clear();
    },
  };
}
