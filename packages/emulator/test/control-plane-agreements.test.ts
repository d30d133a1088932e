import {
  AccessDeniedException,
  CreateFoundationModelAgreementCommand,
  CreateProvisionedModelThroughputCommand,
  DeleteFoundationModelAgreementCommand,
  GetFoundationModelAvailabilityCommand,
  ListFoundationModelAgreementOffersCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import {
  AccessDeniedException as RuntimeAccessDenied,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startControlHarness, type ControlHarness } from './support-control/start-control-harness.js';

const MARKETPLACE_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const FIRST_PARTY_MODEL = 'amazon.nova-lite-v1:0';

/** Asserts that the model really answered: assistant text, a natural stop and consistent usage. */
async function expectAnswer(reply: Promise<ConverseCommandOutput>): Promise<void> {
  const output = await reply;
  expect(output.stopReason).toBe('end_turn');
  expect(output.output?.message?.role).toBe('assistant');
  expect(output.output?.message?.content?.[0]?.text).toMatch(/\w+ \w+/);
  expect(output.usage?.inputTokens).toBeGreaterThan(0);
  expect(output.usage?.outputTokens).toBeGreaterThan(0);
  expect(output.usage?.totalTokens).toBe(
    (output.usage?.inputTokens ?? 0) + (output.usage?.outputTokens ?? 0),
  );
}

describe('control plane: agreements with strict access', () => {
  let harness: ControlHarness;
  beforeEach(async () => {
    harness = await startControlHarness({ strictAccess: true });
  });
  afterEach(() => harness.close());

  it('denies marketplace models until an agreement exists, per region', async () => {
    await expect(harness.converse(MARKETPLACE_MODEL)).rejects.toBeInstanceOf(RuntimeAccessDenied);
    await expectAnswer(harness.converse(FIRST_PARTY_MODEL));

    const client = harness.bedrock('us-east-1');
    const { offers = [] } = await client.send(
      new ListFoundationModelAgreementOffersCommand({ modelId: MARKETPLACE_MODEL }),
    );
    expect(offers).toHaveLength(1);
    expect(offers[0]?.termDetails?.usageBasedPricingTerm?.rateCard?.length).toBeGreaterThan(0);
    expect(offers[0]?.termDetails?.legalTerm?.url).toMatch(/^https:/);

    const created = await client.send(
      new CreateFoundationModelAgreementCommand({
        modelId: MARKETPLACE_MODEL,
        offerToken: offers[0]?.offerToken,
      }),
    );
    expect(created.modelId).toBe(MARKETPLACE_MODEL);
    expect(created.$metadata.httpStatusCode).toBe(202);
    await expectAnswer(harness.converse(MARKETPLACE_MODEL));
    // Agreements are regional.
    await expect(harness.converse(MARKETPLACE_MODEL, 'us-west-2')).rejects.toBeInstanceOf(
      RuntimeAccessDenied,
    );

    const availability = await client.send(
      new GetFoundationModelAvailabilityCommand({ modelId: MARKETPLACE_MODEL }),
    );
    expect(availability.agreementAvailability?.status).toBe('AVAILABLE');
    const elsewhere = await harness
      .bedrock('us-west-2')
      .send(new GetFoundationModelAvailabilityCommand({ modelId: MARKETPLACE_MODEL }));
    expect(elsewhere.agreementAvailability?.status).toBe('NOT_AVAILABLE');

    await client.send(new DeleteFoundationModelAgreementCommand({ modelId: MARKETPLACE_MODEL }));
    await expect(harness.converse(MARKETPLACE_MODEL)).rejects.toBeInstanceOf(RuntimeAccessDenied);
    await expect(
      client.send(new DeleteFoundationModelAgreementCommand({ modelId: MARKETPLACE_MODEL })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('rejects a wrong offer token with ValidationException', async () => {
    const error = await harness
      .bedrock()
      .send(new CreateFoundationModelAgreementCommand({ modelId: MARKETPLACE_MODEL, offerToken: 'forged' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    await expect(harness.converse(MARKETPLACE_MODEL)).rejects.toBeInstanceOf(RuntimeAccessDenied);
  });

  it('lists no offers for first-party models and 404s for unknown ones', async () => {
    const client = harness.bedrock();
    const firstParty = await client.send(
      new ListFoundationModelAgreementOffersCommand({ modelId: FIRST_PARTY_MODEL }),
    );
    expect(firstParty.offers).toEqual([]);
    await expect(
      client.send(new ListFoundationModelAgreementOffersCommand({ modelId: 'acme.unknown-v1' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers AccessDeniedException when provisioning a model without an agreement', async () => {
    const error = await harness
      .bedrock()
      .send(
        new CreateProvisionedModelThroughputCommand({
          modelId: MARKETPLACE_MODEL,
          modelUnits: 1,
          provisionedModelName: 'denied',
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect((error as AccessDeniedException).$metadata.httpStatusCode).toBe(403);
  });
});

describe('control plane: agreements without strict access', () => {
  it('grants every model', async () => {
    const harness = await startControlHarness();
    try {
      await expectAnswer(harness.converse(MARKETPLACE_MODEL, 'eu-west-1'));
      const availability = await harness
        .bedrock()
        .send(new GetFoundationModelAvailabilityCommand({ modelId: MARKETPLACE_MODEL }));
      expect(availability.agreementAvailability?.status).toBe('AVAILABLE');
    } finally {
      await harness.close();
    }
  });
});
