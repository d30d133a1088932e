export { FAMILY_KIND, MODEL_FAMILIES } from './catalog/model-family.js';
export type { FamilyKind, ModelFamily } from './catalog/model-family.js';
export { PROFILE_PREFIXES } from './catalog/catalog-model.js';
export type {
  CatalogModel,
  CustomizationType,
  ImageSize,
  ImageSizeRule,
  InferenceType,
  LifecycleStatus,
  Modality,
  ModelPricing,
  ProfilePrefix,
  Provider,
} from './catalog/catalog-model.js';
export { MODEL_DATA } from './catalog/model-data.js';
export type { KnownModelId, ModelId } from './catalog/model-data.js';
export { createModelCatalog, filterModels } from './catalog/model-catalog.js';
export type { AliasLookup, ModelCatalog, ModelFilter, ResolvedModel } from './catalog/model-catalog.js';
export { baseModelIdOf, parseModelId } from './catalog/model-id.js';
export { profileServesRegion } from './catalog/profile-geography.js';
export type { ModelReference, ModelReferenceKind } from './catalog/model-id.js';
export { costFor, costOfImages, costOfUsage } from './cost/cost.js';
export type { Cost } from './cost/cost.js';
export type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  ContentPart,
  EmbedRequest,
  EmbedResult,
  EmbeddingType,
  ImageFormat,
  ImageRequest,
  ImageResult,
  Role,
  StopReason,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  Usage,
} from './codec-kit/chat-types.js';
export type {
  ChatCodec,
  Codec,
  EmbedCodec,
  ImageCodec,
  StreamContext,
  StreamDecoder,
} from './codec-kit/codec.js';
export { createCodecRegistry, defaultCodecRegistry } from './codecs/codec-registry.js';
export type { CodecRegistry, CodecTable } from './codecs/codec-registry.js';
export { estimateChatTokens, validateChatRequest } from './codec-kit/validate-chat-request.js';
export type { ChatRules } from './codec-kit/validate-chat-request.js';
export { validateEmbedRequest } from './codec-kit/validate-embed-request.js';
export type { EmbedRules } from './codec-kit/validate-embed-request.js';
export { validateImageRequest } from './codec-kit/validate-image-request.js';
export type { ImageRules } from './codec-kit/validate-image-request.js';
export { assertNever, isContentEvent } from './stream/stream-event.js';
export type {
  InvocationMetrics,
  StreamEndEvent,
  StreamEvent,
  StreamEventType,
  TokenStream,
} from './stream/stream-event.js';
export { CORE_ERROR_CODES } from './errors/error-codes.js';
export type { ErrorCode } from './errors/error-codes.js';
export {
  CodecError,
  ConfigurationError,
  isQuarryError,
  ModelNotFoundError,
  QuarryError,
  ThrottledError,
  ValidationError,
} from './errors/quarry-error.js';
export type { ConfigurationSetting, QuarryErrorOptions } from './errors/quarry-error.js';
export { fromBedrockException } from './errors/from-bedrock-exception.js';
export type { ExceptionContext } from './errors/from-bedrock-exception.js';
export { parseRetryAfterMs } from './errors/retry-after.js';
export { checkRetryPolicy, decideRetry, DEFAULT_RETRY_POLICY } from './retry/retry-policy.js';
export type { RetryDecision, RetryPolicy } from './retry/retry-policy.js';
export { createRetryBudget } from './retry/retry-budget.js';
export type { RetryBudget, RetryBudgetOptions } from './retry/retry-budget.js';
export { withRetry } from './retry/with-retry.js';
export type { RetryCallOptions, RetryDeps, RetryInfo } from './retry/with-retry.js';
export { retryStream } from './retry/retry-stream.js';
export { createSilentLogger } from './logging/logger.js';
export type { Logger } from './logging/logger.js';
export { createBedrockClients } from './client/bedrock-clients.js';
export type {
  BedrockClients,
  BedrockConnectionOptions,
  BedrockCredentials,
  BedrockTransport,
} from './client/bedrock-clients.js';
export { createQuarryClient } from './client/quarry-client.js';
export { connectQuarryClient } from './client/connect-quarry-client.js';
export type { ConnectedQuarryClient, QuarryConnectionOptions } from './client/connect-quarry-client.js';
export type { QuarryClient, QuarryClientDeps } from './client/quarry-client.js';
export type { ScheduleTimeout } from './client/idle-watchdog.js';
export type { RuntimePath } from './client/runtime-transport.js';
export type {
  CallMeta,
  CallOptions,
  CallStreamEnd,
  CallStreamEvent,
  CallTokenStream,
  EmbedResponse,
  EmbeddingFormat,
  EmbeddingItem,
  EmbeddingVector,
  GeneratedImage,
  ImageResponse,
  InvokeRawResult,
  InvokeResult,
} from './client/client-types.js';
export type { EmbedOptions } from './client/embed.js';
export type {
  ControlPlaneApi,
  FoundationModelInfo,
  InferenceProfileType,
  ListModelsFilter,
} from './client/control-plane-api.js';
export type { AgentRuntimeApi } from './agents/agent-runtime-api.js';
export {
  BATCH_DISCOUNT,
  batchRecordId,
  decodeBatchOutput,
  encodeBatchRecords,
  MAX_BATCH_RECORDS,
  MIN_BATCH_RECORDS,
} from './batch/batch-records.js';
export type { BatchRecordOutcome } from './batch/batch-records.js';
export type {
  AgentEvent,
  AgentResult,
  AnswerEvent,
  Citation,
  GeneratedAnswer,
  InvokeAgentRequest,
  RetrievalFilter,
  RetrieveAndGenerateRequest,
  RetrieveOptions,
  RetrieveResult,
  RetrievedChunk,
  ReturnControlResults,
} from './agents/agent-types.js';
