import type { CatalogModel } from '@quarry/core/catalog';

/**
 * Models the emulator serves that core's catalog does not know, as Bedrock keeps adding models
 * faster than any catalog: clients must find them through ListFoundationModels and call them
 * through Converse. Their InvokeModel bodies use the OpenAI-style chat format (Mistral's chat family
 * here), close to what Bedrock takes for gpt-oss; the real DeepSeek and Qwen bodies differ.
 */
export const LIVE_ONLY_MODELS: readonly CatalogModel[] = [
  {
    modelId: 'openai.gpt-oss-20b-1:0',
    modelName: 'gpt-oss-20b',
    provider: 'OpenAI',
    family: 'mistral-chat',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    streaming: true,
    inferenceTypes: ['ON_DEMAND'],
    customizations: [],
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    toolUse: true,
    systemPrompt: true,
    lifecycle: 'ACTIVE',
    regions: ['us-east-1', 'us-west-2'],
    requiresAgreement: false,
    pricing: { inputPer1k: 0.00007, outputPer1k: 0.0003 },
    profiles: [],
  },
  {
    modelId: 'qwen.qwen3-32b-v1:0',
    modelName: 'Qwen3 32B (dense)',
    provider: 'Qwen',
    family: 'mistral-chat',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    streaming: true,
    inferenceTypes: ['ON_DEMAND'],
    customizations: [],
    contextWindow: 32_768,
    maxOutputTokens: 8_192,
    toolUse: true,
    systemPrompt: true,
    lifecycle: 'ACTIVE',
    regions: ['us-east-1', 'us-west-2', 'eu-west-2'],
    requiresAgreement: false,
    pricing: { inputPer1k: 0.00015, outputPer1k: 0.0006 },
    profiles: [],
  },
  {
    modelId: 'deepseek.r1-v1:0',
    modelName: 'DeepSeek-R1',
    provider: 'DeepSeek',
    family: 'mistral-chat',
    inputModalities: ['TEXT'],
    outputModalities: ['TEXT'],
    streaming: true,
    // Profile-only: a bare-ID call must fail the way Bedrock fails it.
    inferenceTypes: ['INFERENCE_PROFILE'],
    customizations: [],
    contextWindow: 128_000,
    maxOutputTokens: 32_768,
    toolUse: false,
    systemPrompt: true,
    lifecycle: 'ACTIVE',
    regions: ['us-east-1', 'us-east-2', 'us-west-2'],
    requiresAgreement: false,
    pricing: { inputPer1k: 0.00135, outputPer1k: 0.0054 },
    profiles: ['us'],
  },
];
