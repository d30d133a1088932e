/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** ON_DEMAND in-region; PROVISIONED through provisioned throughput; INFERENCE_PROFILE only through a cross-region profile. */
export type InferenceType =
  /** On demand only through a cross-region inference profile ID (`us.…`, `eu.…`, `global.…`), not the base model ID. */
  | 'INFERENCE_PROFILE'
  /** Pay per token (or image), called in-region with the base model ID. */
  | 'ON_DEMAND'
  /** Served through purchased Provisioned Throughput (call it with the provisioned model ARN). */
  | 'PROVISIONED';

/** Kinds of model input and output, as Bedrock's ListFoundationModels names them. */
export type Modality =
  /** Embedding vectors (output of embedding models). */
  | 'EMBEDDING'
  /** Images. */
  | 'IMAGE'
  /** Text. */
  | 'TEXT'
  /** Video. */
  | 'VIDEO';

/** Criteria for `models`; every given criterion must hold. */
export type ModelFilter = {
  /** Only models that support this inference type. */
  inferenceType?: InferenceType | null | undefined;
  /** Only models that accept this input modality. */
  inputModality?: Modality | null | undefined;
  /** Only models that produce this output modality. */
  outputModality?: Modality | null | undefined;
  /** Provider name or ID prefix, case-insensitive: `anthropic`, `Anthropic`, `meta`, `Mistral AI`. */
  provider?: string | null | undefined;
  /** Only models that can (true) or cannot (false) stream. */
  streaming?: boolean | null | undefined;
};

export type PlaygroundModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
}>;


export type PlaygroundModelsQuery = { models: Array<{ modelId: string, modelName: string, providerName: string, family: string | null, inputModalities: Array<Modality>, outputModalities: Array<Modality>, responseStreamingSupported: boolean, inferenceTypesSupported: Array<InferenceType>, lifecycleStatus: string, isDeprecated: boolean, deprecationReason: string | null, contextWindow: number | null, maxOutputTokens: number | null, embeddingDimensions: Array<number> | null, toolUse: boolean, requiresAgreement: boolean, regions: Array<string>, available: boolean, pricing: { inputPer1k: number | null, outputPer1k: number | null, perImage: number | null } | null, inferenceProfiles: Array<{ inferenceProfileId: string, type: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PlaygroundModelsDocument = new TypedDocumentString(`
    query PlaygroundModels($filter: ModelFilter) {
  models(filter: $filter) {
    modelId
    modelName
    providerName
    family
    inputModalities
    outputModalities
    responseStreamingSupported
    inferenceTypesSupported
    lifecycleStatus
    isDeprecated
    deprecationReason
    contextWindow
    maxOutputTokens
    embeddingDimensions
    toolUse
    requiresAgreement
    regions
    available
    pricing {
      inputPer1k
      outputPer1k
      perImage
    }
    inferenceProfiles {
      inferenceProfileId
      type
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundModelsQuery, PlaygroundModelsQueryVariables>;