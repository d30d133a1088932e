import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/quarry-error.js';
import { PROFILE_PREFIXES } from './catalog-model.js';
import { MODEL_DATA } from './model-data.js';
import { baseModelIdOf, parseModelId, provisionedVariantBases } from './model-id.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ACCOUNT = '123456789012';

const modelIdArbitrary = fc.constantFrom(...MODEL_DATA.map((model) => model.modelId));
const regionArbitrary = fc.constantFrom(
  'us-east-1',
  'us-west-2',
  'eu-central-1',
  'ap-northeast-1',
  'us-gov-west-1',
);
const accountArbitrary = fc.stringMatching(/^\d{12}$/);
const resourceIdArbitrary = fc.stringMatching(/^[a-z0-9]{12}$/);
const prefixArbitrary = fc.constantFrom(...PROFILE_PREFIXES);

function expectInvalid(id: string, mentions: string): void {
  let caught: unknown;
  try {
    parseModelId(id);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.field).toBe('modelId');
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.message).toContain(mentions);
  // Every rejection tells the caller what a valid identifier looks like.
  expect(error.message).toContain('arn:aws:bedrock:{region}::foundation-model/{modelId}');
}

describe('parseModelId', () => {
  it('reads a plain base model ID as a foundation model', () => {
    expect(parseModelId(HAIKU)).toEqual({ kind: 'foundation-model', modelId: HAIKU });
  });

  it('reads a geography-prefixed ID as a system inference profile', () => {
    expect(parseModelId(`us.${HAIKU}`)).toEqual({
      kind: 'system-inference-profile',
      profileId: `us.${HAIKU}`,
      prefix: 'us',
      modelId: HAIKU,
    });
    expect(parseModelId(`us-gov.${HAIKU}`)).toMatchObject({ prefix: 'us-gov', modelId: HAIKU });
    expect(parseModelId(`global.${HAIKU}`)).toMatchObject({ prefix: 'global', modelId: HAIKU });
  });

  it('reads a foundation-model ARN with its region and model ID', () => {
    const arn = `arn:aws:bedrock:eu-central-1::foundation-model/${HAIKU}`;
    expect(parseModelId(arn)).toEqual({
      kind: 'foundation-model-arn',
      arn,
      partition: 'aws',
      region: 'eu-central-1',
      modelId: HAIKU,
    });
  });

  it('reads an inference-profile ARN down to the base model', () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/apac.${HAIKU}`;
    expect(parseModelId(arn)).toEqual({
      kind: 'inference-profile-arn',
      arn,
      partition: 'aws',
      region: 'us-east-1',
      accountId: ACCOUNT,
      profileId: `apac.${HAIKU}`,
      prefix: 'apac',
      modelId: HAIKU,
    });
  });

  it('reads application-profile, provisioned and imported model ARNs as opaque resources', () => {
    expect(
      parseModelId(`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`),
    ).toMatchObject({
      kind: 'application-inference-profile-arn',
      accountId: ACCOUNT,
      resourceId: 'a1b2c3d4e5f6',
    });
    expect(parseModelId(`arn:aws:bedrock:us-west-2:${ACCOUNT}:provisioned-model/abc123def456`)).toMatchObject(
      {
        kind: 'provisioned-model-arn',
        region: 'us-west-2',
        resourceId: 'abc123def456',
      },
    );
    expect(parseModelId(`arn:aws:bedrock:us-west-2:${ACCOUNT}:imported-model/abc123def456`)).toMatchObject({
      kind: 'imported-model-arn',
      resourceId: 'abc123def456',
    });
  });

  it('reads the base model embedded in a custom-model ARN, context suffix included', () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/amazon.titan-text-express-v1:0:8k/abc123xyz`;
    expect(parseModelId(arn)).toEqual({
      kind: 'custom-model-arn',
      arn,
      partition: 'aws',
      region: 'us-east-1',
      accountId: ACCOUNT,
      resourceId: 'abc123xyz',
      modelId: 'amazon.titan-text-express-v1:0:8k',
    });
  });

  it('treats a custom-model ARN without an embedded base model as opaque', () => {
    const reference = parseModelId(`arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/abc123xyz`);
    expect(reference).toMatchObject({
      kind: 'custom-model-arn',
      resourceId: 'abc123xyz',
      modelId: undefined,
    });
    expect(baseModelIdOf(reference)).toBeUndefined();
  });

  it('accepts other AWS partitions', () => {
    expect(parseModelId(`arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/${HAIKU}`)).toMatchObject({
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
    });
  });

  it('rejects an empty or blank string', () => {
    expectInvalid('', 'it is empty');
    expectInvalid('   ', 'it is empty');
  });

  it('rejects characters no model ID has', () => {
    expectInvalid('anthropic/claude-3', 'only letters, digits');
    expectInvalid('claude 3 haiku', 'only letters, digits');
  });

  it('rejects an ARN of another service', () => {
    expectInvalid(
      `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint/x`,
      'service is "sagemaker", expected "bedrock"',
    );
  });

  it('rejects an ARN with a missing resource or resource ID', () => {
    expectInvalid('arn:aws:bedrock:us-east-1:', 'six colon-separated parts');
    expectInvalid('arn:aws:bedrock:us-east-1::', 'resource part');
    expectInvalid('arn:aws:bedrock:us-east-1::foundation-model/', 'has no ID');
    expectInvalid(`arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model`, 'has no ID');
  });

  it('rejects an ARN with a bad region, partition or account', () => {
    expectInvalid(`arn:aws:bedrock:useast1::foundation-model/${HAIKU}`, 'is not an AWS region');
    expectInvalid(`arn:gcp:bedrock:us-east-1::foundation-model/${HAIKU}`, 'is not an AWS partition');
    expectInvalid(`arn:aws:bedrock:us-east-1::provisioned-model/abc123def456`, '12-digit account ID');
    expectInvalid(`arn:aws:bedrock:us-east-1:12345:inference-profile/us.${HAIKU}`, '12-digit account ID');
  });

  it('rejects a resource type that is not a model', () => {
    expectInvalid(
      `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc123`,
      '"guardrail" is not a model resource type',
    );
  });

  it('rejects an inference-profile ARN without a known geography prefix', () => {
    expectInvalid(
      `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/${HAIKU}`,
      'is not a system inference profile ID',
    );
  });

  it('round-trips foundation-model and inference-profile ARNs (property)', () => {
    fc.assert(
      fc.property(
        modelIdArbitrary,
        regionArbitrary,
        accountArbitrary,
        prefixArbitrary,
        (modelId, region, account, prefix) => {
          const modelArn = `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
          expect(parseModelId(modelArn)).toEqual({
            kind: 'foundation-model-arn',
            arn: modelArn,
            partition: 'aws',
            region,
            modelId,
          });
          const profileArn = `arn:aws:bedrock:${region}:${account}:inference-profile/${prefix}.${modelId}`;
          const profile = parseModelId(profileArn);
          expect(profile).toEqual({
            kind: 'inference-profile-arn',
            arn: profileArn,
            partition: 'aws',
            region,
            accountId: account,
            profileId: `${prefix}.${modelId}`,
            prefix,
            modelId,
          });
          expect(baseModelIdOf(profile)).toBe(modelId);
        },
      ),
    );
  });

  it('round-trips opaque ARNs to their resource ID (property)', () => {
    const type = fc.constantFrom('provisioned-model', 'application-inference-profile', 'imported-model');
    fc.assert(
      fc.property(
        type,
        regionArbitrary,
        accountArbitrary,
        resourceIdArbitrary,
        (resource, region, account, id) => {
          const reference = parseModelId(`arn:aws:bedrock:${region}:${account}:${resource}/${id}`);
          expect(reference).toMatchObject({
            kind: `${resource}-arn`,
            region,
            accountId: account,
            resourceId: id,
          });
          expect(baseModelIdOf(reference)).toBeUndefined();
        },
      ),
    );
  });

  it('either parses or throws ValidationError for any string (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((tail) => `arn:${tail}`),
        ),
        (id) => {
          try {
            expect(parseModelId(id).kind).toBeTypeOf('string');
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
          }
        },
      ),
    );
  });
});

describe('baseModelIdOf', () => {
  it('returns the base model ID of profile IDs and transparent ARNs', () => {
    expect(baseModelIdOf(parseModelId(HAIKU))).toBe(HAIKU);
    expect(baseModelIdOf(parseModelId(`eu.${HAIKU}`))).toBe(HAIKU);
    expect(baseModelIdOf(parseModelId(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`))).toBe(HAIKU);
  });

  it('returns undefined for provisioned and application-profile ARNs', () => {
    expect(
      baseModelIdOf(parseModelId(`arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/abc123def456`)),
    ).toBeUndefined();
    expect(
      baseModelIdOf(
        parseModelId(`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/abc123def456`),
      ),
    ).toBeUndefined();
  });
});

describe('provisionedVariantBases', () => {
  it('offers both readings of a versioned context-size suffix', () => {
    expect(provisionedVariantBases('amazon.titan-text-express-v1:0:8k')).toEqual([
      'amazon.titan-text-express-v1:0',
      'amazon.titan-text-express-v1',
    ]);
    expect(provisionedVariantBases(`${HAIKU}:200k`)).toEqual([HAIKU, 'anthropic.claude-3-haiku-20240307-v1']);
    expect(provisionedVariantBases('cohere.embed-english-v3:0:512')).toEqual([
      'cohere.embed-english-v3:0',
      'cohere.embed-english-v3',
    ]);
  });

  it('returns nothing for an ID without a context-size suffix', () => {
    expect(provisionedVariantBases(HAIKU)).toEqual([]);
    expect(provisionedVariantBases('amazon.titan-text-express-v1')).toEqual([]);
    expect(provisionedVariantBases('anthropic.claude-v2:1')).toEqual([]);
  });
});
