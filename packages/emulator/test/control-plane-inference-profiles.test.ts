import {
  ConflictException,
  CreateInferenceProfileCommand,
  DeleteInferenceProfileCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
  ResourceNotFoundException,
  ValidationException,
  type InferenceProfileSummary,
} from '@aws-sdk/client-bedrock';
import { ValidationException as RuntimeValidation } from '@aws-sdk/client-bedrock-runtime';
import { createModelCatalog, MODEL_DATA } from '@quarry/core/catalog';
import { LIVE_ONLY_MODELS } from '../src/live-only-models.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ACCOUNT_ID,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';

// The emulator serves core's catalog plus the live-only models.
const catalog = createModelCatalog([...MODEL_DATA, ...LIVE_ONLY_MODELS]);
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

async function allProfiles(
  harness: ControlHarness,
  region: string,
  pageSize: number,
): Promise<InferenceProfileSummary[]> {
  const profiles: InferenceProfileSummary[] = [];
  for await (const page of paginateListInferenceProfiles({ client: harness.bedrock(region), pageSize }, {})) {
    expect(page.inferenceProfileSummaries?.length).toBeLessThanOrEqual(pageSize);
    profiles.push(...(page.inferenceProfileSummaries ?? []));
  }
  return profiles;
}

describe('control plane: inference profiles', () => {
  let harness: ControlHarness;
  beforeAll(async () => {
    harness = await startControlHarness();
  });
  afterAll(() => harness.close());

  it('pages through the system profiles callable from the region', async () => {
    const profiles = await allProfiles(harness, 'us-east-1', 7);
    const expected = catalog.models.flatMap((model) =>
      (['us', 'global'] as const)
        .filter((prefix) => model.profiles.includes(prefix))
        .map((prefix) => `${prefix}.${model.modelId}`),
    );
    expect(profiles.map((profile) => profile.inferenceProfileId)).toEqual(expected);
    expect(
      profiles.every((profile) => profile.type === 'SYSTEM_DEFINED' && profile.status === 'ACTIVE'),
    ).toBe(true);

    const european = await allProfiles(harness, 'eu-west-1', 100);
    expect(european.length).toBeGreaterThan(0);
    expect(european.every((profile) => /^(eu|global)\./.test(profile.inferenceProfileId ?? ''))).toBe(true);
  });

  it('gets a system profile by ID or ARN, routing to foundation models in its geography', async () => {
    const client = harness.bedrock('us-east-1');
    const byId = await client.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: `us.${HAIKU}` }),
    );
    expect(byId).toMatchObject({
      inferenceProfileId: `us.${HAIKU}`,
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:inference-profile/us.${HAIKU}`,
      inferenceProfileName: 'US Anthropic Claude 3 Haiku',
      type: 'SYSTEM_DEFINED',
      status: 'ACTIVE',
    });
    expect(byId.createdAt).toBeInstanceOf(Date);
    expect(byId.models?.[0]?.modelArn).toBe(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`);
    expect(
      byId.models?.every((model) =>
        /^arn:aws:bedrock:us-[a-z]+-\d::foundation-model\//.test(model.modelArn ?? ''),
      ),
    ).toBe(true);
    const byArn = await client.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: byId.inferenceProfileArn }),
    );
    expect(byArn.inferenceProfileId).toBe(byId.inferenceProfileId);

    // An EU profile is not callable from a US region.
    await expect(
      client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: `eu.${HAIKU}` })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('creates, lists, gets and deletes application profiles', async () => {
    const client = harness.bedrock('us-east-1');
    const created = await client.send(
      new CreateInferenceProfileCommand({
        inferenceProfileName: 'team-chat',
        description: 'Chat for the team',
        modelSource: { copyFrom: `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:inference-profile/us.${HAIKU}` },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.status).toBe('ACTIVE');
    expect(created.inferenceProfileArn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:application-inference-profile/[a-z0-9]{12}$`),
    );
    const arn = created.inferenceProfileArn ?? '';
    await expect(harness.converse(arn)).resolves.toBeDefined();

    const fetched = await client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
    expect(fetched).toMatchObject({
      inferenceProfileName: 'team-chat',
      type: 'APPLICATION',
      description: 'Chat for the team',
    });
    expect(fetched.models?.length).toBeGreaterThan(1);
    const byId = await client.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: fetched.inferenceProfileId }),
    );
    expect(byId.inferenceProfileArn).toBe(arn);

    const applications = await client.send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(applications.inferenceProfileSummaries?.map((profile) => profile.inferenceProfileArn)).toEqual([
      arn,
    ]);
    const systemOnly = await client.send(new ListInferenceProfilesCommand({ maxResults: 1000 }));
    expect(systemOnly.inferenceProfileSummaries?.some((profile) => profile.type === 'APPLICATION')).toBe(
      false,
    );

    await expect(
      client.send(
        new CreateInferenceProfileCommand({
          inferenceProfileName: 'team-chat',
          modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}` },
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);

    await client.send(new DeleteInferenceProfileCommand({ inferenceProfileIdentifier: arn }));
    await expect(harness.converse(arn)).rejects.toBeInstanceOf(RuntimeValidation);
    await expect(
      client.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('copies a single foundation model into an application profile', async () => {
    const client = harness.bedrock('us-west-2');
    const { inferenceProfileArn } = await client.send(
      new CreateInferenceProfileCommand({
        inferenceProfileName: 'embeddings',
        modelSource: { copyFrom: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0' },
      }),
    );
    const fetched = await client.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: inferenceProfileArn }),
    );
    expect(fetched.models).toEqual([
      { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0' },
    ]);
    // Application profiles are regional.
    const east = await harness
      .bedrock('us-east-1')
      .send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(
      east.inferenceProfileSummaries?.some((profile) => profile.inferenceProfileArn === inferenceProfileArn),
    ).toBe(false);
  });

  it('rejects a copyFrom that is not a model or profile ARN', async () => {
    const error = await harness
      .bedrock()
      .send(
        new CreateInferenceProfileCommand({ inferenceProfileName: 'bad', modelSource: { copyFrom: HAIKU } }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain('modelSource.copyFrom');
  });
});
