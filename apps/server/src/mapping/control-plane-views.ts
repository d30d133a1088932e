import type {
  CustomModelSummary,
  GetCustomModelCommandOutput,
  GetModelCustomizationJobCommandOutput,
  GetProvisionedModelThroughputCommandOutput,
  InferenceProfileSummary,
  ModelCustomizationJobSummary,
  Offer,
  ProvisionedModelSummary,
} from '@aws-sdk/client-bedrock';
import { baseModelIdOf, parseModelId } from '@quarry/core';
import type {
  AgreementOffer,
  CustomizationJob,
  CustomModel,
  InferenceProfile,
  ProvisionedThroughput,
} from '../schema/__generated__/resolvers-types.js';

// The SDK returns Dates; GraphQL serves ISO-8601 strings.
const iso = (date: Date | undefined): string | null => date?.toISOString() ?? null;

export function toCustomModel(model: CustomModelSummary | GetCustomModelCommandOutput): CustomModel {
  return {
    modelArn: model.modelArn ?? '',
    modelName: model.modelName ?? '',
    baseModelArn: model.baseModelArn ?? null,
    baseModelId: baseModelIdFromArn(model.baseModelArn),
    customizationType: model.customizationType ?? null,
    status: model.modelStatus ?? null,
    creationTime: iso(model.creationTime) ?? '',
  };
}

export function toCustomizationJob(
  job: ModelCustomizationJobSummary | GetModelCustomizationJobCommandOutput,
): CustomizationJob {
  const output =
    'outputModelName' in job
      ? { name: job.outputModelName, arn: job.outputModelArn }
      : { name: job.customModelName, arn: job.customModelArn };
  return {
    jobArn: job.jobArn ?? '',
    jobName: job.jobName ?? '',
    status: job.status ?? 'InProgress',
    baseModelArn: job.baseModelArn ?? null,
    customModelName: output.name ?? null,
    customModelArn: output.arn ?? null,
    customizationType: job.customizationType ?? null,
    creationTime: iso(job.creationTime) ?? '',
    lastModifiedTime: iso(job.lastModifiedTime),
    endTime: iso(job.endTime),
    failureMessage: 'failureMessage' in job ? (job.failureMessage ?? null) : null,
  };
}

export function toProvisionedThroughput(
  throughput: ProvisionedModelSummary | GetProvisionedModelThroughputCommandOutput,
): ProvisionedThroughput {
  return {
    provisionedModelArn: throughput.provisionedModelArn ?? '',
    provisionedModelName: throughput.provisionedModelName ?? '',
    modelArn: throughput.modelArn ?? '',
    foundationModelArn: throughput.foundationModelArn ?? null,
    modelUnits: throughput.modelUnits ?? 0,
    status: throughput.status ?? 'Creating',
    commitmentDuration: throughput.commitmentDuration ?? null,
    creationTime: iso(throughput.creationTime) ?? '',
  };
}

export function toInferenceProfile(profile: InferenceProfileSummary): InferenceProfile {
  return {
    inferenceProfileId: profile.inferenceProfileId ?? '',
    inferenceProfileArn: profile.inferenceProfileArn ?? '',
    inferenceProfileName: profile.inferenceProfileName ?? '',
    type: profile.type ?? 'SYSTEM_DEFINED',
    status: profile.status ?? 'ACTIVE',
    description: profile.description ?? null,
    modelArns: (profile.models ?? []).flatMap((model) =>
      model.modelArn === undefined ? [] : [model.modelArn],
    ),
  };
}

export function toAgreementOffer(offer: Offer): AgreementOffer {
  const rates = offer.termDetails?.usageBasedPricingTerm?.rateCard ?? [];
  return {
    offerToken: offer.offerToken ?? '',
    offerId: offer.offerId ?? null,
    legalTermUrl: offer.termDetails?.legalTerm?.url ?? null,
    rateCard: rates.map((rate) =>
      `${rate.dimension ?? 'usage'}: ${rate.price ?? '?'} ${rate.unit ?? ''}`.trim(),
    ),
  };
}

function baseModelIdFromArn(arn: string | undefined): string | null {
  if (arn === undefined) return null;
  try {
    return baseModelIdOf(parseModelId(arn)) ?? null;
  } catch {
    return null;
  }
}
