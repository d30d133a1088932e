import {
  ListCustomModelsCommand,
  ListInferenceProfilesCommand,
  ListProvisionedModelThroughputsCommand,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startControlHarness, type ControlHarness } from './support-control/start-control-harness.js';

describe('control plane: pagination and input validation', () => {
  let harness: ControlHarness;
  beforeAll(async () => {
    harness = await startControlHarness();
  });
  afterAll(() => harness.close());

  it.each([0, 1001])('rejects maxResults=%i with ValidationException', async (maxResults) => {
    const error = await harness
      .bedrock()
      .send(new ListCustomModelsCommand({ maxResults }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain('maxResults');
  });

  it('rejects a forged token and a token from another list', async () => {
    const client = harness.bedrock();
    await expect(
      client.send(new ListInferenceProfilesCommand({ nextToken: 'garbage' })),
    ).rejects.toBeInstanceOf(ValidationException);
    const first = await client.send(new ListInferenceProfilesCommand({ maxResults: 1 }));
    expect(first.nextToken).toBeTruthy();
    await expect(
      client.send(new ListProvisionedModelThroughputsCommand({ nextToken: first.nextToken })),
    ).rejects.toBeInstanceOf(ValidationException);
    const second = await client.send(
      new ListInferenceProfilesCommand({ maxResults: 1, nextToken: first.nextToken }),
    );
    expect(second.inferenceProfileSummaries?.[0]?.inferenceProfileId).not.toBe(
      first.inferenceProfileSummaries?.[0]?.inferenceProfileId,
    );
  });

  it('omits nextToken on the last page', async () => {
    const page = await harness.bedrock().send(new ListInferenceProfilesCommand({ maxResults: 1000 }));
    expect(page.nextToken).toBeUndefined();
    expect(page.inferenceProfileSummaries?.length).toBeGreaterThan(1);
  });

  it('answers a malformed JSON body with ValidationException, not a crash', async () => {
    const response = await fetch(`${harness.url}/model-customization-jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jobName":',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^ValidationException/);
    expect(((await response.json()) as { message: string }).message).toMatch(/JSON/);
  });
});
