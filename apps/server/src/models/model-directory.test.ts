import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { FoundationModelInfo, QuarryClient } from '@quarry/core';
import { describe, expect, it } from 'vitest';
import { createModelDirectory } from './model-directory.js';

/** A listModels whose answers the test settles by hand, in any order. */
function controlledClient() {
  const pending: {
    resolve: (models: FoundationModelInfo[]) => void;
    reject: (error: Error) => void;
  }[] = [];
  const profileCalls: { type: string; resolve: (profiles: InferenceProfileSummary[]) => void }[] = [];
  const client = {
    region: 'us-east-1',
    listModels: () =>
      new Promise<FoundationModelInfo[]>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
    listInferenceProfiles: ({ type }: { type: string }) =>
      new Promise<InferenceProfileSummary[]>((resolve) => {
        profileCalls.push({ type, resolve });
      }),
  };
  // Only the members the directory's list() and profiles touch; a cache unit test needs no upstream.
  return { client: client as unknown as QuarryClient, pending, profileCalls };
}

const profile = (id: string, modelId: string) =>
  ({
    inferenceProfileId: id,
    models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}` }],
  }) as InferenceProfileSummary;

const model = (modelId: string) => ({ summary: { modelId }, catalog: undefined }) as FoundationModelInfo;

describe('createModelDirectory', () => {
  it('shares one upstream call between concurrent callers within the TTL', async () => {
    const { client, pending } = controlledClient();
    const directory = createModelDirectory({ client, ttlMs: 1_000, now: () => 0 });
    const first = directory.list();
    const second = directory.list();
    expect(pending).toHaveLength(1);
    pending[0]?.resolve([model('a')]);
    expect(await first).toEqual(await second);
  });

  it('forgets a failed load so the next call retries', async () => {
    const { client, pending } = controlledClient();
    const directory = createModelDirectory({ client, ttlMs: 1_000, now: () => 0 });
    const failed = directory.list();
    pending[0]?.reject(new Error('upstream down'));
    await expect(failed).rejects.toThrow('upstream down');
    void directory.list();
    expect(pending).toHaveLength(2);
  });

  it('keeps a newer answer when an older load fails after it', async () => {
    const { client, pending } = controlledClient();
    let now = 0;
    const directory = createModelDirectory({ client, ttlMs: 100, now: () => now });
    const slow = directory.list();
    now = 200; // the slow load's entry expires while it is still in flight
    const fresh = directory.list();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve([model('fresh')]);
    await fresh;
    pending[0]?.reject(new Error('late failure'));
    await expect(slow).rejects.toThrow('late failure');
    // The fresh answer is still cached: no third upstream call.
    expect((await directory.list()).map((view) => view.summary?.modelId)).toEqual(['fresh']);
    expect(pending).toHaveLength(2);
  });

  it('answers profilesFor from the loaded profiles synchronously until the TTL expires', async () => {
    const { client, profileCalls } = controlledClient();
    let now = 0;
    const directory = createModelDirectory({ client, ttlMs: 100, now: () => now });
    const first = directory.profilesFor('haiku');
    expect(first).toBeInstanceOf(Promise);
    for (const call of profileCalls) {
      call.resolve(
        call.type === 'SYSTEM_DEFINED'
          ? [profile('us.haiku', 'haiku'), profile('us.sonnet', 'sonnet')]
          : [profile('app', 'haiku')],
      );
    }
    const ids = (list: readonly InferenceProfileSummary[]) =>
      list.map((serving) => serving.inferenceProfileId);
    expect(ids(await first)).toEqual(['us.haiku', 'app']);

    const cached = directory.profilesFor('sonnet');
    expect(cached).not.toBeInstanceOf(Promise);
    expect(ids(cached as readonly InferenceProfileSummary[])).toEqual(['us.sonnet']);
    expect(profileCalls).toHaveLength(2);

    now = 200; // expired: the next answer waits for a fresh load
    expect(directory.profilesFor('sonnet')).toBeInstanceOf(Promise);
    expect(profileCalls).toHaveLength(4);
  });
});
