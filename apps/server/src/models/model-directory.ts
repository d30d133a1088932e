import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { QuarryClient } from '@quarry/core';
import type { ModelView } from './model-view.js';
import { indexProfilesByModel, profilesServing, type ProfileIndex } from './profile-index.js';

/** The models and profiles the upstream offers, joined with the catalog and cached for a TTL. */
export interface ModelDirectory {
  /** Every model the upstream lists, catalog entries joined in. */
  list(): Promise<readonly ModelView[]>;
  /** Any identifier the catalog or the upstream knows; undefined when neither does. */
  get(id: string, signal?: AbortSignal): Promise<ModelView | undefined>;
  /** System and application inference profiles. */
  profiles(): Promise<readonly InferenceProfileSummary[]>;
  /**
   * The profiles that serve `modelId` (one of their model ARNs ends in `/<modelId>`), in profile
   * order, looked up in an index built once per load. Answers synchronously while the cached
   * profiles are fresh, so a `models` list selecting `inferenceProfiles` completes without a
   * promise per model; otherwise (first call, expired TTL) it loads them.
   */
  profilesFor(
    modelId: string,
  ): readonly InferenceProfileSummary[] | Promise<readonly InferenceProfileSummary[]>;
  /**
   * A token for the data answers are built from right now: it changes (and never repeats) when the
   * model list or the profiles reload, and is undefined while the model list has no fresh answer.
   * The catalog response cache keys answers by it.
   */
  generation(): object | undefined;
}

export interface ModelDirectoryDeps {
  readonly client: QuarryClient;
  readonly ttlMs: number;
  readonly now: () => number;
}

interface Cached<T> {
  readonly expires: number;
  readonly value: Promise<T>;
  /** Set once `value` has resolved. */
  settled: { readonly value: T } | undefined;
}

interface CachedLoad<T> {
  /** The fresh answer, loading it when there is none. */
  get(): Promise<T>;
  /** The fresh answer if it has already arrived; undefined otherwise. */
  peek(): T | undefined;
}

export function createModelDirectory(deps: ModelDirectoryDeps): ModelDirectory {
  // One upstream call per TTL however many requests ask at once; a failure is not cached.
  function cached<T>(load: () => Promise<T>): CachedLoad<T> {
    let current: Cached<T> | undefined;
    const fresh = (): Cached<T> | undefined =>
      current !== undefined && current.expires > deps.now() ? current : undefined;
    return {
      get() {
        const hit = fresh();
        if (hit !== undefined) return hit.value;
        const entry: Cached<T> = { expires: deps.now() + deps.ttlMs, value: load(), settled: undefined };
        current = entry;
        entry.value.then(
          (value) => {
            entry.settled = { value };
          },
          () => {
            // A slow failure must not evict an answer a later load has stored meanwhile.
            if (current === entry) current = undefined;
          },
        );
        return entry.value;
      },
      peek: () => fresh()?.settled?.value,
    };
  }

  const list = cached(async (): Promise<ModelView[]> => {
    // No caller signal: the answer is shared, so one caller leaving must not fail the others.
    const listed = await deps.client.listModels();
    return listed.map(({ summary, catalog }) => ({ summary, catalog, region: deps.client.region }));
  });

  const profiles = cached(async (): Promise<ProfileIndex> => {
    const [system, application] = await Promise.all([
      deps.client.listInferenceProfiles({ type: 'SYSTEM_DEFINED' }),
      deps.client.listInferenceProfiles({ type: 'APPLICATION' }),
    ]);
    return indexProfilesByModel([...system, ...application]);
  });

  // One token per (model list, profiles) pair of loaded answers; a new load is a new object.
  let token: { list: unknown; profiles: unknown } | undefined;
  const generation = (): object | undefined => {
    const listed = list.peek();
    if (listed === undefined) return undefined;
    const index = profiles.peek();
    if (token?.list !== listed || token.profiles !== index) token = { list: listed, profiles: index };
    return token;
  };

  return {
    generation,
    list: () => list.get(),
    async get(id, signal) {
      const listed = await list.get();
      const exact = listed.find((view) => view.summary?.modelId === id || view.summary?.modelArn === id);
      if (exact !== undefined) return exact;
      // Unknown or malformed IDs answer null, as the contract says; upstream failures still fail.
      const resolved = await deps.client.tryResolveModel(id, { signal });
      if (resolved === undefined) return undefined;
      const model = resolved.model;
      return (
        listed.find((view) => view.summary?.modelId === model.modelId) ?? {
          catalog: model,
          summary: undefined,
          region: deps.client.region,
        }
      );
    },
    profiles: async () => (await profiles.get()).all,
    profilesFor(modelId) {
      const index = profiles.peek();
      if (index !== undefined) return profilesServing(index, modelId);
      return profiles.get().then((loaded) => profilesServing(loaded, modelId));
    },
  };
}
