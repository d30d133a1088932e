import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { QuarryClient } from '@quarry/core';
import type { ModelView } from './model-view.js';

/** The models and profiles the upstream offers, joined with the catalog and cached for a TTL. */
export interface ModelDirectory {
  /** Every model the upstream lists, catalog entries joined in. */
  list(): Promise<readonly ModelView[]>;
  /** Any identifier the catalog or the upstream knows; undefined when neither does. */
  get(id: string, signal?: AbortSignal): Promise<ModelView | undefined>;
  /** System and application inference profiles. */
  profiles(): Promise<readonly InferenceProfileSummary[]>;
}

export interface ModelDirectoryDeps {
  readonly client: QuarryClient;
  readonly ttlMs: number;
  readonly now: () => number;
}

interface Cached<T> {
  readonly expires: number;
  readonly value: Promise<T>;
}

export function createModelDirectory(deps: ModelDirectoryDeps): ModelDirectory {
  let models: Cached<ModelView[]> | undefined;
  let profiles: Cached<InferenceProfileSummary[]> | undefined;

  // One upstream call per TTL however many requests ask at once; a failure is not cached.
  function cached<T>(
    current: Cached<T> | undefined,
    load: () => Promise<T>,
    store: (entry: Cached<T> | undefined) => void,
  ): Promise<T> {
    if (current !== undefined && current.expires > deps.now()) return current.value;
    const value = load();
    store({ expires: deps.now() + deps.ttlMs, value });
    value.catch(() => {
      store(undefined);
    });
    return value;
  }

  const list = (): Promise<ModelView[]> =>
    cached(
      models,
      async () => {
        // No caller signal: the answer is shared, so one caller leaving must not fail the others.
        const listed = await deps.client.listModels();
        return listed.map(({ summary, catalog }) => ({ summary, catalog, region: deps.client.region }));
      },
      (entry) => {
        models = entry;
      },
    );

  return {
    list,
    async get(id, signal) {
      const listed = await list();
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
    profiles: () =>
      cached(
        profiles,
        async () => {
          const [system, application] = await Promise.all([
            deps.client.listInferenceProfiles({ type: 'SYSTEM_DEFINED' }),
            deps.client.listInferenceProfiles({ type: 'APPLICATION' }),
          ]);
          return [...system, ...application];
        },
        (entry) => {
          profiles = entry;
        },
      ),
  };
}
