import type { CreateModelCustomizationJobCommandInput } from '@aws-sdk/client-bedrock';

import { ACCOUNT_ID } from './start-control-harness.js';

/** A foundation model that supports fine-tuning and provisioned throughput in us-east-1. */
export const BASE_MODEL = 'amazon.titan-text-express-v1';

/** A valid fine-tuning job on BASE_MODEL: `${name}-job` producing the custom model `${name}-model`. */
export function customizationJobInput(
  name: string,
  overrides: Partial<CreateModelCustomizationJobCommandInput> = {},
): CreateModelCustomizationJobCommandInput {
  return {
    jobName: `${name}-job`,
    customModelName: `${name}-model`,
    roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/BedrockTuning`,
    baseModelIdentifier: BASE_MODEL,
    trainingDataConfig: { s3Uri: 's3://training-bucket/data/train.jsonl' },
    outputDataConfig: { s3Uri: 's3://training-bucket/output/' },
    hyperParameters: { epochCount: '2', batchSize: '1', learningRate: '0.00001' },
    ...overrides,
  };
}
