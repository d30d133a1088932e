import type {
  CreateModelCustomizationJobCommandInput,
  CreateModelInvocationJobCommandInput,
  CreateProvisionedModelThroughputCommandInput,
  CustomModelSummary,
  FoundationModelSummary,
  GetCustomModelCommandOutput,
  GetInferenceProfileCommandOutput,
  GetModelCustomizationJobCommandOutput,
  GetModelInvocationJobCommandOutput,
  GetProvisionedModelThroughputCommandOutput,
  InferenceProfileSummary,
  ListFoundationModelsCommandInput,
  ModelCustomizationJobSummary,
  ModelInvocationJobSummary,
  Offer,
  ProvisionedModelSummary,
} from '@aws-sdk/client-bedrock';
import type { CatalogModel } from '../catalog/catalog-model.js';
import type { CallOptions } from './client-types.js';

/** A foundation model as Bedrock lists it, joined with Quarry's catalog entry when there is one. */
export interface FoundationModelInfo {
  readonly summary: FoundationModelSummary;
  readonly catalog: CatalogModel | undefined;
}

export type ListModelsFilter = Pick<
  ListFoundationModelsCommandInput,
  'byProvider' | 'byOutputModality' | 'byInferenceType' | 'byCustomizationType'
>;

export type InferenceProfileType = 'SYSTEM_DEFINED' | 'APPLICATION';

/**
 * The control-plane reads and writes of the Quarry client (everything but inference). Every call
 * retries like inference calls do, and list calls follow Bedrock's paging to the end. Creates send
 * a fresh client request token so a retried create happens once; they resolve to the new ARN.
 */
export interface ControlPlaneApi {
  /** ListFoundationModels, each summary joined with its catalog entry. */
  listModels(filter?: ListModelsFilter, options?: CallOptions): Promise<FoundationModelInfo[]>;
  /** GetFoundationModel; undefined when Bedrock returns no details. */
  getModel(modelIdentifier: string, options?: CallOptions): Promise<FoundationModelInfo | undefined>;
  listCustomModels(options?: CallOptions): Promise<CustomModelSummary[]>;
  getCustomModel(modelIdentifier: string, options?: CallOptions): Promise<GetCustomModelCommandOutput>;
  listCustomizationJobs(options?: CallOptions): Promise<ModelCustomizationJobSummary[]>;
  getCustomizationJob(
    jobIdentifier: string,
    options?: CallOptions,
  ): Promise<GetModelCustomizationJobCommandOutput>;
  createCustomizationJob(
    input: CreateModelCustomizationJobCommandInput,
    options?: CallOptions,
  ): Promise<string>;
  stopCustomizationJob(jobIdentifier: string, options?: CallOptions): Promise<void>;
  listProvisionedThroughputs(options?: CallOptions): Promise<ProvisionedModelSummary[]>;
  getProvisionedThroughput(
    provisionedModelId: string,
    options?: CallOptions,
  ): Promise<GetProvisionedModelThroughputCommandOutput>;
  createProvisionedThroughput(
    input: CreateProvisionedModelThroughputCommandInput,
    options?: CallOptions,
  ): Promise<string>;
  listInferenceProfiles(
    options?: CallOptions & { type?: InferenceProfileType },
  ): Promise<InferenceProfileSummary[]>;
  getInferenceProfile(
    inferenceProfileIdentifier: string,
    options?: CallOptions,
  ): Promise<GetInferenceProfileCommandOutput>;
  /** The offers a marketplace model's agreement can be accepted with. */
  listAgreementOffers(modelId: string, options?: CallOptions): Promise<Offer[]>;
  /** Accepts an offer; resolves to the model ID. */
  createAgreement(modelId: string, offerToken: string, options?: CallOptions): Promise<string>;
  listBatchJobs(options?: CallOptions): Promise<ModelInvocationJobSummary[]>;
  getBatchJob(jobIdentifier: string, options?: CallOptions): Promise<GetModelInvocationJobCommandOutput>;
  createBatchJob(input: CreateModelInvocationJobCommandInput, options?: CallOptions): Promise<string>;
  /** Stops a batch job; the records processed so far keep their output. */
  stopBatchJob(jobIdentifier: string, options?: CallOptions): Promise<void>;
}
