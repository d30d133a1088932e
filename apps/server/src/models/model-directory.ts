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
  // One upstream call per TTL however many requests ask at once; a failure is not cached.
  function cached<T>(load: () => Promise<T>): () => Promise<T> {
    let current: Cached<T> | undefined;
    return () => {
      if (current !== undefined && current.expires > deps.now()) return current.value;
      const entry = { expires: deps.now() + deps.ttlMs, value: load() };
      current = entry;
      entry.value.catch(() => {
        // A slow failure must not evict an answer a later load has stored meanwhile.
        if (current === entry) current = undefined;
      });
      return entry.value;
    };
  }

  const list = cached(async (): Promise<ModelView[]> => {
    // No caller signal: the answer is shared, so one caller leaving must not fail the others.
    const listed = await deps.client.listModels();
    return listed.map(({ summary, catalog }) => ({ summary, catalog, region: deps.client.region }));
  });

  const profiles = cached(async (): Promise<InferenceProfileSummary[]> => {
    const [system, application] = await Promise.all([
      deps.client.listInferenceProfiles({ type: 'SYSTEM_DEFINED' }),
      deps.client.listInferenceProfiles({ type: 'APPLICATION' }),
    ]);
    return [...system, ...application];
  });

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
    profiles,
  };
}
