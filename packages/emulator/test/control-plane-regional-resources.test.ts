import {
  CreateInferenceProfileCommand,
  CreateModelCustomizationJobCommand,
  CreateProvisionedModelThroughputCommand,
  GetCustomModelCommand,
  GetProvisionedModelThroughputCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock';
import { ValidationException as RuntimeValidation } from '@aws-sdk/client-bedrock-runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BASE_MODEL, customizationJobInput } from './support-control/customization-job-input.js';
import {
  JOB_DURATION_MS,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';
import { rejection } from './support/rejection.js';

describe('emulator-created resources on the runtime', () => {
  let harness: ControlHarness;
  beforeEach(async () => {
    harness = await startControlHarness();
  });
  afterEach(() => harness.close());

  it('serves provisioned throughput, application profiles and custom models only in their own region', async () => {
    const client = harness.bedrock('us-east-1');
    await client.send(new CreateModelCustomizationJobCommand(customizationJobInput('regional')));
    const { provisionedModelArn = '' } = await client.send(
      new CreateProvisionedModelThroughputCommand({
        modelId: BASE_MODEL,
        modelUnits: 1,
        provisionedModelName: 'regional-pt',
      }),
    );
    const { inferenceProfileArn = '' } = await client.send(
      new CreateInferenceProfileCommand({
        inferenceProfileName: 'regional-profile',
        modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0' },
      }),
    );
    // Long enough for both the customization job and the provisioning to finish.
    harness.clock.advance(JOB_DURATION_MS);
    const { modelArn: customModelArn = '' } = await client.send(
      new GetCustomModelCommand({ modelIdentifier: 'regional-model' }),
    );

    for (const identifier of [provisionedModelArn, 'regional-pt', inferenceProfileArn, customModelArn]) {
      await expect(harness.converse(identifier, 'us-east-1'), identifier).resolves.toMatchObject({
        stopReason: 'end_turn',
      });
      // Another region has no such resource: the runtime's answer for an identifier it cannot resolve.
      const elsewhere = await rejection(harness.converse(identifier, 'eu-west-1'));
      expect(elsewhere, identifier).toBeInstanceOf(RuntimeValidation);
      expect(elsewhere.message, identifier).toBe('The provided model identifier is invalid.');
    }
    // The control plane agrees: the resource does not exist there.
    expect(
      await rejection(
        harness
          .bedrock('eu-west-1')
          .send(new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });
});
