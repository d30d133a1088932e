import type { ModelFamily } from './model-family.js';

/** Modalities as Bedrock's ListFoundationModels names them. */
export type Modality = 'TEXT' | 'IMAGE' | 'VIDEO' | 'EMBEDDING';

/** `INFERENCE_PROFILE` marks models that Bedrock only serves on demand through a cross-region profile. */
export type InferenceType = 'ON_DEMAND' | 'PROVISIONED' | 'INFERENCE_PROFILE';

export type CustomizationType = 'FINE_TUNING' | 'CONTINUED_PRE_TRAINING' | 'DISTILLATION';

export type LifecycleStatus = 'ACTIVE' | 'LEGACY';

/** Geography prefixes of Bedrock's system-defined (cross-region) inference profiles. */
export const PROFILE_PREFIXES = ['us', 'eu', 'apac', 'jp', 'au', 'us-gov', 'global'] as const;
export type ProfilePrefix = (typeof PROFILE_PREFIXES)[number];

/** Providers as Bedrock names them: the catalog's, then ones whose models only Bedrock's live list has. */
export type Provider =
  | 'Anthropic'
  | 'Amazon'
  | 'Meta'
  | 'Mistral AI'
  | 'Cohere'
  | 'AI21 Labs'
  | 'Stability AI'
  | 'OpenAI'
  | 'Qwen'
  | 'DeepSeek';

/**
 * On-demand list prices in USD. Token prices are per 1,000 tokens; image models price per image.
 * Approximate (bedrock-protocol.md §8): re-check against the AWS pricing page before billing anyone.
 */
export interface ModelPricing {
  readonly inputPer1k?: number;
  readonly outputPer1k?: number;
  readonly perImage?: number;
}

/** A width × height pair an image model accepts. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The output sizes an image model accepts: a fixed list (the first is the default), or any size on
 * a grid. Core's codecs and the emulator both check requests against this one copy.
 */
export type ImageSizeRule =
  | { readonly kind: 'fixed'; readonly sizes: readonly ImageSize[] }
  | {
      readonly kind: 'grid';
      readonly minSide: number;
      readonly maxSide: number;
      readonly multipleOf: number;
      /** Longer side at most this many times the shorter. */
      readonly maxAspectRatio: number;
      readonly maxPixels: number;
    };

/** One Bedrock foundation model as Quarry knows it. */
export interface CatalogModel {
  /** Base model ID, e.g. `anthropic.claude-3-haiku-20240307-v1:0`. */
  readonly modelId: string;
  readonly modelName: string;
  readonly provider: Provider;
  /** Native body format; picks the codec. */
  readonly family: ModelFamily;
  readonly inputModalities: readonly Modality[];
  readonly outputModalities: readonly Modality[];
  /** InvokeModelWithResponseStream / ConverseStream support. */
  readonly streaming: boolean;
  readonly inferenceTypes: readonly InferenceType[];
  readonly customizations: readonly CustomizationType[];
  /** Context window in tokens; null for image models. */
  readonly contextWindow: number | null;
  /** Largest `maxTokens` the model accepts; null for embedding and image models. */
  readonly maxOutputTokens: number | null;
  /** Output sizes the model accepts, first is the default; embedding models only. */
  readonly embeddingDimensions?: readonly number[];
  /** Most texts one InvokeModel call may embed (1 for Titan, 96 for Cohere). */
  readonly maxEmbedBatch?: number;
  /**
   * Output sizes for image models that take width and height; absent when the family takes none
   * (Stable Diffusion 3 takes an aspect ratio).
   */
  readonly imageSizes?: ImageSizeRule;
  /** Whether the family accepts tool definitions. */
  readonly toolUse: boolean;
  /** Whether the model takes a system prompt. */
  readonly systemPrompt: boolean;
  readonly lifecycle: LifecycleStatus;
  /** Regions where the model is served in-region (on demand or provisioned). */
  readonly regions: readonly string[];
  /** Marketplace models need an accepted agreement offer (EULA) before first use. */
  readonly requiresAgreement: boolean;
  readonly pricing: ModelPricing;
  /** System inference profiles that exist for the model (`us.` + modelId, …). */
  readonly profiles: readonly ProfilePrefix[];
}
