import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';

/** Inference profiles with the ones serving each model ID looked up in one step. */
export interface ProfileIndex {
  readonly all: readonly InferenceProfileSummary[];
  /** By the model ID that ends a model ARN (after its last `/`); each profile once per ID, in order. */
  readonly byModelId: ReadonlyMap<string, readonly InferenceProfileSummary[]>;
}

const NONE: readonly InferenceProfileSummary[] = [];

/**
 * Indexes `profiles` by the model IDs their model ARNs name. A cross-region profile lists the same
 * model once per region, so a profile is kept once per ID. Built once per load of the profiles,
 * instead of scanning every profile's ARNs for every model of every request.
 */
export function indexProfilesByModel(profiles: readonly InferenceProfileSummary[]): ProfileIndex {
  const byModelId = new Map<string, InferenceProfileSummary[]>();
  for (const profile of profiles) {
    const seen = new Set<string>();
    for (const model of profile.models ?? []) {
      const arn = model.modelArn;
      const slash = arn?.lastIndexOf('/') ?? -1;
      if (arn === undefined || slash === -1) continue;
      const modelId = arn.slice(slash + 1);
      if (seen.has(modelId)) continue;
      seen.add(modelId);
      const serving = byModelId.get(modelId);
      if (serving === undefined) byModelId.set(modelId, [profile]);
      else serving.push(profile);
    }
  }
  return { all: profiles, byModelId };
}

/** The profiles one of whose model ARNs ends in `/<modelId>`, in profile order. */
export function profilesServing(index: ProfileIndex, modelId: string): readonly InferenceProfileSummary[] {
  // Model IDs have no `/`; should one ever have, the index (keyed after the last `/`) cannot answer.
  if (modelId.includes('/')) {
    const suffix = `/${modelId}`;
    return index.all.filter((profile) =>
      (profile.models ?? []).some((model) => model.modelArn?.endsWith(suffix) === true),
    );
  }
  return index.byModelId.get(modelId) ?? NONE;
}
