import {
  ConflictException,
  CreateModelCustomizationJobCommand,
  CreateProvisionedModelThroughputCommand,
  DeleteCustomModelCommand,
  DeleteProvisionedModelThroughputCommand,
  GetCustomModelCommand,
  GetProvisionedModelThroughputCommand,
  ListProvisionedModelThroughputsCommand,
  paginateListProvisionedModelThroughputs,
  ResourceNotFoundException,
  UpdateProvisionedModelThroughputCommand,
  ValidationException,
  type CreateProvisionedModelThroughputCommandInput,
} from '@aws-sdk/client-bedrock';
import { ModelNotReadyException } from '@aws-sdk/client-bedrock-runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BASE_MODEL, customizationJobInput } from './support-control/customization-job-input.js';
import {
  ACCOUNT_ID,
  JOB_DURATION_MS,
  PROVISIONING_DURATION_MS,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';
import { rejection } from './support/rejection.js';

const BASE_ARN = `arn:aws:bedrock:us-east-1::foundation-model/${BASE_MODEL}`;

/** CreateProvisionedModelThroughput of one unit of BASE_MODEL named `name`, unless `overrides` say otherwise. */
function provision(
  name: string,
  overrides: Partial<CreateProvisionedModelThroughputCommandInput> = {},
): CreateProvisionedModelThroughputCommand {
  return new CreateProvisionedModelThroughputCommand({
    modelId: BASE_MODEL,
    modelUnits: 1,
    provisionedModelName: name,
    ...overrides,
  });
}

describe('control plane: provisioned throughput', () => {
  let harness: ControlHarness;
  beforeEach(async () => {
    harness = await startControlHarness();
  });
  afterEach(() => harness.close());

  async function customModel(name: string): Promise<string> {
    const client = harness.bedrock();
    await client.send(new CreateModelCustomizationJobCommand(customizationJobInput(name)));
    harness.clock.advance(JOB_DURATION_MS);
    const { modelArn } = await client.send(new GetCustomModelCommand({ modelIdentifier: `${name}-model` }));
    return modelArn ?? '';
  }

  it('moves Creating → InService and serves the base model', async () => {
    const client = harness.bedrock();
    const created = await client.send(provision('prod', { modelUnits: 2 }));
    expect(created.$metadata.httpStatusCode).toBe(201);
    const arn = created.provisionedModelArn ?? '';
    expect(arn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:provisioned-model/[a-z0-9]{12}$`),
    );
    await expect(harness.converse(arn)).rejects.toBeInstanceOf(ModelNotReadyException);

    const creating = await client.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: arn }));
    expect(creating).toMatchObject({
      provisionedModelName: 'prod',
      provisionedModelArn: arn,
      modelArn: BASE_ARN,
      desiredModelArn: BASE_ARN,
      foundationModelArn: BASE_ARN,
      modelUnits: 2,
      desiredModelUnits: 2,
      status: 'Creating',
    });

    harness.clock.advance(PROVISIONING_DURATION_MS);
    const ready = await client.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: 'prod' }));
    expect(ready.status).toBe('InService');
    await expect(harness.converse(arn)).resolves.toMatchObject({ stopReason: 'end_turn' });
  });

  it('provisions a custom model and switches models through Updating', async () => {
    const client = harness.bedrock();
    const first = await customModel('tuned-a');
    const second = await customModel('tuned-b');
    const { provisionedModelArn } = await client.send(
      provision('custom', { modelId: first, commitmentDuration: 'OneMonth' }),
    );
    harness.clock.advance(PROVISIONING_DURATION_MS);

    await client.send(
      new UpdateProvisionedModelThroughputCommand({
        provisionedModelId: provisionedModelArn,
        desiredModelId: second,
        desiredProvisionedModelName: 'custom-renamed',
      }),
    );
    const updating = await client.send(
      new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }),
    );
    expect(updating).toMatchObject({
      status: 'Updating',
      provisionedModelName: 'custom-renamed',
      modelArn: first,
      desiredModelArn: second,
      foundationModelArn: BASE_ARN,
      commitmentDuration: 'OneMonth',
    });
    expect(updating.commitmentExpirationTime).toBeInstanceOf(Date);
    // A model switch keeps the throughput serving; only Creating refuses with ModelNotReady.
    await expect(harness.converse(provisionedModelArn ?? '')).resolves.toMatchObject({
      stopReason: 'end_turn',
    });

    harness.clock.advance(PROVISIONING_DURATION_MS);
    const updated = await client.send(
      new GetProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn }),
    );
    expect(updated).toMatchObject({ status: 'InService', modelArn: second, desiredModelArn: second });

    // A custom model in use cannot be deleted, nor can a committed throughput before its term ends.
    expect(
      await rejection(client.send(new DeleteCustomModelCommand({ modelIdentifier: second }))),
    ).toBeInstanceOf(ValidationException);
    expect(
      await rejection(
        client.send(new DeleteProvisionedModelThroughputCommand({ provisionedModelId: provisionedModelArn })),
      ),
    ).toBeInstanceOf(ValidationException);
  });

  it('validates the model and the units', async () => {
    const client = harness.bedrock();
    const zeroUnits = await rejection(client.send(provision('z', { modelUnits: 0 })));
    expect(zeroUnits).toBeInstanceOf(ValidationException);
    expect(zeroUnits.message).toContain('modelUnits');

    const profileOnly = await rejection(
      client.send(provision('p', { modelId: 'meta.llama3-2-1b-instruct-v1:0' })),
    );
    expect(profileOnly).toBeInstanceOf(ValidationException);
    expect(profileOnly.message).toContain('provisioned throughput');

    const unknown = await rejection(client.send(provision('u', { modelId: 'acme.x-v1' })));
    expect(unknown).toBeInstanceOf(ValidationException);
    expect(unknown.message).toContain('modelId');
  });

  it('lists with filters and pages, and deletes', async () => {
    const client = harness.bedrock();
    for (const name of ['alpha', 'beta', 'gamma']) {
      await client.send(provision(name));
      harness.clock.advance(PROVISIONING_DURATION_MS);
    }
    await client.send(provision('delta'));
    expect(await rejection(client.send(provision('delta')))).toBeInstanceOf(ConflictException);

    const names: string[] = [];
    for await (const page of paginateListProvisionedModelThroughputs(
      { client, pageSize: 3 },
      { sortOrder: 'Ascending' },
    )) {
      names.push(
        ...(page.provisionedModelSummaries ?? []).map((summary) => summary.provisionedModelName ?? ''),
      );
    }
    expect(names).toEqual(['alpha', 'beta', 'gamma', 'delta']);

    const creating = await client.send(
      new ListProvisionedModelThroughputsCommand({ statusEquals: 'Creating' }),
    );
    expect(creating.provisionedModelSummaries?.map((summary) => summary.provisionedModelName)).toEqual([
      'delta',
    ]);
    const named = await client.send(
      new ListProvisionedModelThroughputsCommand({ nameContains: 'ph', modelArnEquals: BASE_ARN }),
    );
    expect(named.provisionedModelSummaries?.map((summary) => summary.provisionedModelName)).toEqual([
      'alpha',
    ]);

    await client.send(new DeleteProvisionedModelThroughputCommand({ provisionedModelId: 'alpha' }));
    expect(
      await rejection(client.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: 'alpha' }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });
});
