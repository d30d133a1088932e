// Bedrock ARN formats (bedrock-protocol.md §6.2). Foundation-model ARNs leave the account empty.

function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function bedrockArn(region: string, accountId: string, resource: string): string {
  return `arn:${partitionOf(region)}:bedrock:${region}:${accountId}:${resource}`;
}

export function foundationModelArn(region: string, modelId: string): string {
  return bedrockArn(region, '', `foundation-model/${modelId}`);
}

export function inferenceProfileArn(region: string, accountId: string, profileId: string): string {
  return bedrockArn(region, accountId, `inference-profile/${profileId}`);
}

export function applicationProfileArn(region: string, accountId: string, id: string): string {
  return bedrockArn(region, accountId, `application-inference-profile/${id}`);
}

/** The real format embeds the base model, which core's `parseModelId` reads back. */
export function customModelArn(region: string, accountId: string, baseModelId: string, id: string): string {
  return bedrockArn(region, accountId, `custom-model/${baseModelId}/${id}`);
}

export function provisionedModelArn(region: string, accountId: string, id: string): string {
  return bedrockArn(region, accountId, `provisioned-model/${id}`);
}

export function customizationJobArn(
  region: string,
  accountId: string,
  baseModelId: string,
  id: string,
): string {
  return bedrockArn(region, accountId, `model-customization-job/${baseModelId}/${id}`);
}

export function invocationJobArn(region: string, accountId: string, id: string): string {
  return bedrockArn(region, accountId, `model-invocation-job/${id}`);
}

export interface BedrockArn {
  readonly region: string;
  readonly accountId: string;
  /** `foundation-model`, `custom-model`, `provisioned-model`, … */
  readonly resourceType: string;
  /** Everything after the first `/`, e.g. `amazon.titan-text-express-v1/abc123` for a custom model. */
  readonly resourcePath: string;
}

/** Splits a Bedrock ARN; undefined for anything else (a name, an ID, another service's ARN). */
export function parseBedrockArn(value: string): BedrockArn | undefined {
  const match = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]+):(\d{12})?:([a-z-]+)\/(.+)$/.exec(value);
  if (match === null) return undefined;
  const [, region = '', accountId = '', resourceType = '', resourcePath = ''] = match;
  return { region, accountId, resourceType, resourcePath };
}
