import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { describe, expect, it } from 'vitest';
import { indexProfilesByModel, profilesServing } from './profile-index.js';

const arn = (region: string, modelId: string) => `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
const profile = (id: string, ...modelArns: string[]): InferenceProfileSummary =>
  ({
    inferenceProfileId: id,
    models: modelArns.map((modelArn) => ({ modelArn })),
  }) as InferenceProfileSummary;

/** What the resolver did before the index: every profile's ARNs scanned for the model. */
const scan = (profiles: readonly InferenceProfileSummary[], modelId: string) =>
  profiles.filter((candidate) =>
    (candidate.models ?? []).some((model) => model.modelArn?.endsWith(`/${modelId}`) === true),
  );

describe('profilesServing', () => {
  const profiles = [
    profile('us.haiku', arn('us-east-1', 'haiku'), arn('us-west-2', 'haiku'), arn('us-east-2', 'haiku')),
    profile('app', arn('us-east-1', 'sonnet'), arn('us-east-1', 'haiku')),
    profile('odd', 'no-slash', arn('us-east-1', 'a/b')),
    { inferenceProfileId: 'empty' } as InferenceProfileSummary,
    profile('us.sonnet', arn('us-east-1', 'sonnet')),
  ];
  const index = indexProfilesByModel(profiles);

  it('lists each serving profile once, in profile order, as scanning every ARN does', () => {
    for (const modelId of ['haiku', 'sonnet', 'opus', 'no-slash', 'a/b', 'b', '']) {
      expect(profilesServing(index, modelId), modelId).toEqual(scan(profiles, modelId));
    }
    expect(profilesServing(index, 'haiku').map((serving) => serving.inferenceProfileId)).toEqual([
      'us.haiku',
      'app',
    ]);
  });

  it('keeps every profile for the full list', () => {
    expect(index.all).toBe(profiles);
  });
});
