import type { FoundationModelSummary } from '@aws-sdk/client-bedrock';
import type { InferenceType, LifecycleStatus, Modality } from '../catalog/catalog-model.js';
import type { ChatModelLimits } from '../codec-kit/validate-chat-request.js';

/**
 * A model the upstream's ListFoundationModels lists but Quarry's catalog does not know (Bedrock
 * adds models every month). It is callable through Converse, which is the same for every family;
 * what the list does not say (limits, prices) is unknown, so Bedrock is the judge of the request.
 */
export interface LiveModel extends ChatModelLimits {
  readonly modelName: string;
  readonly provider: string;
  readonly outputModalities: readonly Modality[];
  readonly streaming: boolean;
  readonly inferenceTypes: readonly InferenceType[];
  readonly lifecycle: LifecycleStatus;
  /** No catalog price: costs of live-only models are reported unpriced. */
  readonly pricing: Readonly<Record<string, never>>;
}

const MODALITIES = new Set<string>(['TEXT', 'IMAGE', 'VIDEO', 'EMBEDDING']);
const INFERENCE_TYPES = new Set<string>(['ON_DEMAND', 'PROVISIONED', 'INFERENCE_PROFILE']);

const only = <T extends string>(allowed: Set<string>, values: readonly string[] | undefined): T[] =>
  (values ?? []).filter((value): value is T => allowed.has(value));

export function liveModelOf(summary: FoundationModelSummary & { readonly modelId: string }): LiveModel {
  const inputModalities = only<Modality>(MODALITIES, summary.inputModalities);
  return {
    modelId: summary.modelId,
    modelName: summary.modelName ?? summary.modelId,
    provider: summary.providerName ?? summary.modelId.split('.', 1)[0] ?? '',
    inputModalities,
    outputModalities: only<Modality>(MODALITIES, summary.outputModalities),
    streaming: summary.responseStreamingSupported ?? false,
    inferenceTypes: only<InferenceType>(INFERENCE_TYPES, summary.inferenceTypesSupported),
    lifecycle: summary.modelLifecycle?.status === 'LEGACY' ? 'LEGACY' : 'ACTIVE',
    // Unknown limits are not checked; tools and system prompts go to Converse, which says no itself.
    contextWindow: null,
    maxOutputTokens: null,
    toolUse: true,
    systemPrompt: true,
    pricing: {},
  };
}
