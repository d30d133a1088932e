import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ModelView } from '../../models/model-view.js';
import type { EmbeddingView } from '../../mapping/embedding-view.js';
import type { GatewayStreamEvent, StreamStartEvent, TextDeltaEvent, ToolUseDeltaEvent, StreamEndEvent } from '../../streaming/gateway-stream-event.js';
import type { ApiKeyView } from '../../governance/api-key-record.js';
import type { UsageTotals } from '../../governance/usage-ledger.js';
import type { AuditRecord } from '../../governance/audit-chain.js';
import type { ConversationRow, MessageRow } from '../../conversations/conversation-repository.js';
import type { BatchJobView } from '../../batch/batch-job-view.js';
import type { GatewayContext } from '../../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Arbitrary JSON: native request and response bodies, tool inputs, hyperparameters. */
  JSON: { input: unknown; output: unknown; }
};

/** A piece of an agent's answer. */
export type AgentChunk = {
  __typename?: 'AgentChunk';
  /** Citations attached to this chunk. */
  citations: Array<Citation>;
  /** The text. */
  text: Scalars['String']['output'];
};

/** The last event of an agent turn. */
export type AgentEnd = {
  __typename?: 'AgentEnd';
  /** The session, to pass back for the next turn. */
  sessionId: Scalars['String']['output'];
  /** The whole answer. */
  text: Scalars['String']['output'];
};

/** The events of invokeAgentStream. */
export type AgentEvent = AgentChunk | AgentEnd | AgentTrace | ReturnControl;

/** One agent turn, collected. */
export type AgentResult = {
  __typename?: 'AgentResult';
  /** Citations of knowledge-base chunks. */
  citations: Array<Citation>;
  /** Set when the agent asks the caller to run functions instead of answering. */
  returnControl: Maybe<ReturnControl>;
  /** The session, to pass back for the next turn. */
  sessionId: Scalars['String']['output'];
  /** The answer. */
  text: Scalars['String']['output'];
  /** Bedrock's trace objects, when `enableTrace` was set. */
  traces: Array<Scalars['JSON']['output']>;
};

/** One of the agent's trace steps. */
export type AgentTrace = {
  __typename?: 'AgentTrace';
  /** Bedrock's trace object. */
  trace: Scalars['JSON']['output'];
};

/** The result of `acceptAgreement`. */
export type AgreementAcceptance = {
  __typename?: 'AgreementAcceptance';
  /** True once the agreement is accepted. */
  accepted: Scalars['Boolean']['output'];
  /** The model whose agreement was accepted. */
  modelId: Scalars['ID']['output'];
};

/** An agreement offer (EULA) for a model that needs one. */
export type AgreementOffer = {
  __typename?: 'AgreementOffer';
  /** URL of the legal terms. */
  legalTermUrl: Maybe<Scalars['String']['output']>;
  /** Bedrock's offer ID. */
  offerId: Maybe<Scalars['String']['output']>;
  /** Pass it to `acceptAgreement`. */
  offerToken: Scalars['String']['output'];
  /** Rate-card lines, e.g. `input tokens: 0.00025 USD`. */
  rateCard: Array<Scalars['String']['output']>;
};

/** An API key (never its secret). */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['String']['output'];
  expiresAt: Maybe<Scalars['String']['output']>;
  /** `key_…`, or `admin` for the bootstrap key. */
  id: Scalars['ID']['output'];
  /** Allowed model patterns; null = every model. */
  models: Maybe<Array<Scalars['String']['output']>>;
  monthlyBudgetUsd: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  operations: Array<Operation>;
  /** The secret's first characters, to tell keys apart. */
  prefix: Scalars['String']['output'];
  requestsPerMinute: Maybe<Scalars['Int']['output']>;
  revokedAt: Maybe<Scalars['String']['output']>;
  /** Settled spend of the current month (UTC). */
  spentUsd: Scalars['Float']['output'];
  tokensPerMinute: Maybe<Scalars['Int']['output']>;
};

/** One audited action: an upstream call (or its refusal) or an admin action. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  at: Scalars['String']['output'];
  costUsd: Maybe<Scalars['Float']['output']>;
  detail: Maybe<Scalars['String']['output']>;
  errorCode: Maybe<Scalars['String']['output']>;
  /** SHA-256 over the previous entry's hash and this entry. */
  hash: Scalars['String']['output'];
  /** Position in the chain (1, 2, …). */
  id: Scalars['ID']['output'];
  inputTokens: Maybe<Scalars['Int']['output']>;
  keyId: Maybe<Scalars['ID']['output']>;
  keyName: Maybe<Scalars['String']['output']>;
  modelId: Maybe<Scalars['ID']['output']>;
  /** `invoke`, `stream`, `embed`, `createApiKey`, … */
  operation: Scalars['String']['output'];
  /** `ok`, `error`, `refused` or `cancelled`. */
  outcome: Scalars['String']['output'];
  outputTokens: Maybe<Scalars['Int']['output']>;
  prevHash: Scalars['String']['output'];
  region: Maybe<Scalars['String']['output']>;
  /** The gateway's request id (x-request-id). */
  requestId: Maybe<Scalars['String']['output']>;
  /** Bedrock's request id. */
  upstreamRequestId: Maybe<Scalars['String']['output']>;
};

/** A page of audit entries, newest first. */
export type AuditPage = {
  __typename?: 'AuditPage';
  entries: Array<AuditEntry>;
  /** Pass as `after` for older entries; null on the last page. */
  nextCursor: Maybe<Scalars['String']['output']>;
};

/** A batch inference job. */
export type BatchJob = {
  __typename?: 'BatchJob';
  /** The job's ARN. */
  arn: Scalars['String']['output'];
  /** When the job finished, ISO-8601 UTC; null while it runs (same as `endedAt`). */
  endTime: Maybe<Scalars['String']['output']>;
  /** When the job ended, ISO-8601 UTC; null while it runs. */
  endedAt: Maybe<Scalars['String']['output']>;
  /** Records that failed (each has an `error` in `results`). */
  failedCount: Maybe<Scalars['Int']['output']>;
  /** The job's ID in this gateway: its ARN. */
  id: Scalars['ID']['output'];
  /** S3 URI of the JSONL input. */
  inputS3Uri: Maybe<Scalars['String']['output']>;
  /** The job's ARN (same as `arn`). */
  jobArn: Scalars['ID']['output'];
  /** The job's name (same as `name`). */
  jobName: Scalars['String']['output'];
  /** When the job last changed, ISO-8601 UTC. */
  lastModifiedTime: Maybe<Scalars['String']['output']>;
  /** Bedrock's status message, e.g. why the job failed. */
  message: Maybe<Scalars['String']['output']>;
  /** The model (ID or ARN) the job invokes. */
  modelId: Scalars['String']['output'];
  /** The job's name. */
  name: Scalars['String']['output'];
  /** S3 URI where Bedrock writes the output. */
  outputS3Uri: Maybe<Scalars['String']['output']>;
  /** Records processed so far. */
  processedCount: Maybe<Scalars['Int']['output']>;
  /** Records in the input; null until Bedrock has validated it. */
  recordCount: Maybe<Scalars['Int']['output']>;
  /**
   * The job's output records in input order, decoded by the model family's codec; empty until the
   * job has ended. Pages by `after` (a `recordId`).
   */
  results: Array<BatchRecordResult>;
  /** Submitted, Validating, Scheduled, InProgress, Completed, PartiallyCompleted, Failed, Stopping, Stopped or Expired. */
  status: Scalars['String']['output'];
  /** When the job was submitted, ISO-8601 UTC (same as `submittedAt`). */
  submitTime: Scalars['String']['output'];
  /** When the job was submitted, ISO-8601 UTC. */
  submittedAt: Scalars['String']['output'];
  /** Records that produced output. */
  succeededCount: Maybe<Scalars['Int']['output']>;
};


/** A batch inference job. */
export type BatchJobResultsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One record of a batch job's output. */
export type BatchRecordResult = {
  __typename?: 'BatchRecordResult';
  /** What the record cost at the batch price (half the on-demand price). */
  cost: Maybe<Cost>;
  /** Why the record failed (Bedrock's message and code); null when it succeeded. */
  error: Maybe<Scalars['String']['output']>;
  /** The record's ID (`RECORD0000001`… for inline records, in input order). */
  recordId: Scalars['String']['output'];
  /** Why generation stopped; null when the record failed. */
  stopReason: Maybe<StopReason>;
  /** The generated text; null when the record failed. */
  text: Maybe<Scalars['String']['output']>;
  /** Tokens read and generated; null when the record failed. */
  usage: Maybe<Usage>;
};

/** A part of an answer and the chunks it came from. */
export type Citation = {
  __typename?: 'Citation';
  /** Offset of the part's last character (inclusive, as Bedrock reports it). */
  end: Scalars['Int']['output'];
  /** The chunks behind it. */
  references: Array<RetrievalResult>;
  /** Offset of the part's first character in the answer. */
  start: Scalars['Int']['output'];
  /** The cited part of the answer. */
  text: Scalars['String']['output'];
};

/** Term of a Provisioned Throughput commitment (Bedrock's OneMonth and SixMonths). */
export type CommitmentDuration =
  /** One-month commitment. */
  | 'OneMonth'
  /** Six-month commitment. */
  | 'SixMonths';

/** A persisted conversation. */
export type Conversation = {
  __typename?: 'Conversation';
  /** ISO-8601 UTC. */
  createdAt: Scalars['String']['output'];
  /** Pass as `after` to `conversations` to get the conversations after this one. */
  cursor: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Upper bound on generated tokens per answer. */
  maxTokens: Maybe<Scalars['Int']['output']>;
  /** Every turn, oldest first. */
  messages: Array<Message>;
  /** The model answering the next turn. */
  modelId: Scalars['ID']['output'];
  /** The system prompt. */
  system: Maybe<Scalars['String']['output']>;
  /** Sampling temperature of every answer. */
  temperature: Maybe<Scalars['Float']['output']>;
  /** The conversation's title. */
  title: Maybe<Scalars['String']['output']>;
  /** ISO-8601 UTC: the last turn or change. */
  updatedAt: Scalars['String']['output'];
};

/**
 * What a call cost at the catalog's approximate on-demand list prices, in USD rounded to 1e-9.
 * Discounts, prompt caching and provisioned throughput are not modelled.
 */
export type Cost = {
  __typename?: 'Cost';
  /** USD for input tokens (or images an embedding model read). */
  inputUsd: Scalars['Float']['output'];
  /** USD for output tokens or generated images. */
  outputUsd: Scalars['Float']['output'];
  /** False when Quarry has no price for this model; the amounts are then 0, not free. */
  priced: Scalars['Boolean']['output'];
  /** inputUsd + outputUsd. */
  totalUsd: Scalars['Float']['output'];
};

/** A new key's name, scope and limits; null fields mean no restriction. */
export type CreateApiKeyInput = {
  /** ISO date-time after which the key is refused. */
  expiresAt?: InputMaybe<Scalars['String']['input']>;
  /** Allowed models: model IDs, profile IDs, ARNs or provider wildcards (`anthropic.*`). Null = every model. */
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Spend per calendar month (UTC) at catalog prices; calls reserve their worst-case cost first. */
  monthlyBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  /** A name people recognise, e.g. `checkout-frontend`. */
  name: Scalars['String']['input'];
  /** Allowed operations. Null = every operation but ADMIN. */
  operations?: InputMaybe<Array<Operation>>;
  /** Upstream calls per minute. */
  requestsPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Tokens per minute (each call reserves its worst case: input estimate + maxTokens). */
  tokensPerMinute?: InputMaybe<Scalars['Int']['input']>;
};

/** A batch inference job to start: inline `records` or an `inputS3Uri`. */
export type CreateBatchJobInput = {
  /** S3 URI of existing JSONL input (a file or a folder), one `{recordId, modelInput}` record a line. */
  inputS3Uri?: InputMaybe<Scalars['String']['input']>;
  /** Deprecated spelling of `name`. */
  jobName?: InputMaybe<Scalars['String']['input']>;
  /** Model ID or inference-profile ID to run the records through. */
  modelId: Scalars['ID']['input'];
  /** Name of the job; unique in the account. Default: generated. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** S3 URI where Bedrock writes the output. Default: next to the uploaded records. */
  outputS3Uri?: InputMaybe<Scalars['String']['input']>;
  /** 100–50,000 requests in the invoke shape; each record's own `modelId` must equal the job's. Encoded by the family's codec and uploaded as JSONL. */
  records?: InputMaybe<Array<InvokeInput>>;
  /** IAM role Bedrock assumes to read the input and write the output. Default: QUARRY_BATCH_ROLE_ARN. */
  roleArn?: InputMaybe<Scalars['String']['input']>;
  /** Hours after which Bedrock stops the job if unfinished; Bedrock allows 24–168. Omitted: Bedrock's default. */
  timeoutDurationInHours?: InputMaybe<Scalars['Int']['input']>;
};

/** A new conversation's model and settings. */
export type CreateConversationInput = {
  /** Upper bound on generated tokens per answer; omitted: the family's default. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Any text model: base model ID, inference-profile ID or ARN. */
  modelId: Scalars['ID']['input'];
  /** System prompt, kept on every turn (history trimming never drops it). */
  system?: InputMaybe<Scalars['String']['input']>;
  /** Sampling temperature for every answer; omitted: the family's default. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** A title for lists. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Whether and which tool the model must call; omitted means AUTO. */
  toolChoice?: InputMaybe<ToolChoiceInput>;
  /** Tools the model may call in this conversation. */
  tools?: InputMaybe<Array<ToolInput>>;
};

/** A model customization job to start. */
export type CreateCustomizationJobInput = {
  /** Foundation model to customize; it must list the customization type in customizationsSupported. */
  baseModelId: Scalars['ID']['input'];
  /** Name of the custom model the job produces. */
  customModelName: Scalars['String']['input'];
  /** Kind of customization; omitted: Bedrock's default (FINE_TUNING). */
  customizationType?: InputMaybe<CustomizationType>;
  /** String-valued hyperparameters, e.g. {"epochCount": "2"}. */
  hyperParameters?: InputMaybe<Scalars['JSON']['input']>;
  /** Name of the job; unique in the account. */
  jobName: Scalars['String']['input'];
  /** S3 URI where Bedrock writes the job's output. */
  outputDataS3Uri: Scalars['String']['input'];
  /** IAM role Bedrock assumes to read the data and write the output. */
  roleArn: Scalars['String']['input'];
  /** S3 URI of the JSONL training data. */
  trainingDataS3Uri: Scalars['String']['input'];
  /** S3 URI of optional JSONL validation data. */
  validationDataS3Uri?: InputMaybe<Scalars['String']['input']>;
};

/** A Provisioned Throughput purchase. */
export type CreateProvisionedThroughputInput = {
  /** Omit for no-commitment (hourly) throughput. */
  commitmentDuration?: InputMaybe<CommitmentDuration>;
  /** A foundation model that supports PROVISIONED, or a custom model ARN. */
  modelId: Scalars['ID']['input'];
  /** Number of model units to buy; a positive integer. */
  modelUnits: Scalars['Int']['input'];
  /** Name of the provisioned throughput; unique in the account. */
  provisionedModelName: Scalars['String']['input'];
};

/** A key and its secret, shown once. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** `qry_…`: send as `Authorization: Bearer <secret>`. Store it now; it cannot be shown again. */
  secret: Scalars['String']['output'];
};

/** A model produced by a customization job. */
export type CustomModel = {
  __typename?: 'CustomModel';
  /** ARN of the foundation model it was customized from. */
  baseModelArn: Maybe<Scalars['String']['output']>;
  /** Base model ID parsed from `baseModelArn`; null when it cannot be parsed. */
  baseModelId: Maybe<Scalars['String']['output']>;
  /** When the model was created, ISO-8601 UTC. */
  creationTime: Scalars['String']['output'];
  /** FINE_TUNING, CONTINUED_PRE_TRAINING or DISTILLATION. */
  customizationType: Maybe<Scalars['String']['output']>;
  /** The custom model's ARN. */
  modelArn: Scalars['ID']['output'];
  /** Name given at customization. */
  modelName: Scalars['String']['output'];
  /** Bedrock's model status: Active, Creating or Failed. */
  status: Maybe<Scalars['String']['output']>;
};

/** A model customization job (fine-tuning, continued pre-training, distillation). */
export type CustomizationJob = {
  __typename?: 'CustomizationJob';
  /** ARN of the foundation model being customized. */
  baseModelArn: Maybe<Scalars['String']['output']>;
  /** When the job was created, ISO-8601 UTC. */
  creationTime: Scalars['String']['output'];
  /** ARN of the custom model; null until the job has produced it. */
  customModelArn: Maybe<Scalars['String']['output']>;
  /** Name of the custom model the job produces. */
  customModelName: Maybe<Scalars['String']['output']>;
  /** FINE_TUNING, CONTINUED_PRE_TRAINING or DISTILLATION. */
  customizationType: Maybe<Scalars['String']['output']>;
  /** When the job finished, ISO-8601 UTC; null while it runs. */
  endTime: Maybe<Scalars['String']['output']>;
  /** Why the job failed; only on the job returned by createModelCustomizationJob (null in `customizationJobs`). */
  failureMessage: Maybe<Scalars['String']['output']>;
  /** The job's ARN. */
  jobArn: Scalars['ID']['output'];
  /** The job's name. */
  jobName: Scalars['String']['output'];
  /** When the job last changed, ISO-8601 UTC. */
  lastModifiedTime: Maybe<Scalars['String']['output']>;
  /** InProgress, Completed, Failed, Stopping or Stopped. */
  status: Scalars['String']['output'];
};

/** Ways Bedrock can customize a model. */
export type CustomizationType =
  /** Further pre-training on unlabelled domain text. */
  | 'CONTINUED_PRE_TRAINING'
  /** Training a smaller student model on a larger teacher model's answers. */
  | 'DISTILLATION'
  /** Supervised training on labelled prompt/completion pairs. */
  | 'FINE_TUNING';

/** An embedding request. */
export type EmbedInput = {
  /** One of the model's embeddingDimensions; omitted: the model's default (the first). */
  dimensions?: InputMaybe<Scalars['Int']['input']>;
  /** How the embeddings will be used (Cohere only; others ignore it). Default SEARCH_DOCUMENT. */
  inputType?: InputMaybe<EmbedInputType>;
  /** An embedding model: Titan Text Embeddings v1/v2, Titan Multimodal Embeddings, Cohere Embed v3. */
  modelId: Scalars['ID']['input'];
  /**
   * Unit-length vectors. Titan Text Embeddings v2 normalises natively (and by default); for other
   * models Quarry normalises float vectors itself when true.
   */
  normalize?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Texts to embed, at least one, each non-empty. At most 50,000 characters each on Titan Text
   * Embeddings v2 and 2,048 on Cohere; a text that breaks a limit fails only its own item.
   */
  texts: Array<Scalars['String']['input']>;
};

/** Cohere's input_type: how the embedding will be used. */
export type EmbedInputType =
  /** Texts to feed a classifier. */
  | 'classification'
  /** Texts to cluster. */
  | 'clustering'
  /** Documents to store in a search index (Cohere's default). */
  | 'search_document'
  /** Queries to search such an index with. */
  | 'search_query';

/** The result of `embed`. */
export type EmbedResult = {
  __typename?: 'EmbedResult';
  /** Approximate cost of the input tokens. */
  cost: Cost;
  /** One per input text, in input order. */
  embeddings: Array<Embedding>;
  /** Wall time of the whole call in milliseconds, all batches and retries included. */
  latencyMs: Scalars['Float']['output'];
  /** The model ID as requested. */
  modelId: Scalars['ID']['output'];
  /** Input tokens of the texts embedded successfully; outputTokens is 0. */
  usage: Usage;
};

/** The embedding of one input text, or why it failed. */
export type Embedding = {
  __typename?: 'Embedding';
  /** The vector as little-endian float32 bytes, base64-encoded: 4 bytes a value and cheap to serialise. Empty when `error` is set. */
  base64: Scalars['String']['output'];
  /** Number of values in the vector; 0 when `error` is set. */
  dimensions: Scalars['Int']['output'];
  /** Why this text failed; null on success. */
  error: Maybe<ItemError>;
  /** Position of the text in `EmbedInput.texts`, from 0. */
  index: Scalars['Int']['output'];
  /** The vector; empty when `error` is set. Prefer `base64` for large batches. */
  values: Array<Scalars['Float']['output']>;
};

/** A Bedrock foundation model: the upstream's listing joined with Quarry's catalog entry. */
export type FoundationModel = {
  __typename?: 'FoundationModel';
  /** Whether the upstream serves the model in this gateway's region (ListFoundationModels lists it). */
  available: Scalars['Boolean']['output'];
  /** Context window in tokens; null for image models and models the catalog does not know. */
  contextWindow: Maybe<Scalars['Int']['output']>;
  /** Customization types the model supports; empty when none. */
  customizationsSupported: Array<CustomizationType>;
  /** Why the model is deprecated and what to use instead: a model callable as written (on demand) in this gateway's region. */
  deprecationReason: Maybe<Scalars['String']['output']>;
  /** Allowed embedding sizes, default first (embedding models). */
  embeddingDimensions: Maybe<Array<Scalars['Int']['output']>>;
  /** Quarry's codec family (anthropic-messages, titan-text, nova, llama3, …); null for models Quarry has no codec for. */
  family: Maybe<Scalars['String']['output']>;
  /**
   * Whether Quarry's catalog knows the model (limits, prices, a codec). False for models only the
   * upstream lists, such as ones Bedrock added after this release: `invoke` and `invokeStream` still
   * call them, through Bedrock's Converse API, with cost unpriced.
   */
  inCatalog: Scalars['Boolean']['output'];
  /** Inference profiles (system-defined cross-region and application) that route to the model. */
  inferenceProfiles: Array<InferenceProfile>;
  /** How the model can be called. */
  inferenceTypesSupported: Array<InferenceType>;
  /** What the model accepts. */
  inputModalities: Array<Modality>;
  /** True for LEGACY models: they still work but are being retired. */
  isDeprecated: Scalars['Boolean']['output'];
  /** ACTIVE or LEGACY. */
  lifecycleStatus: Scalars['String']['output'];
  /** Largest `maxTokens` the model accepts, in tokens; null for embedding and image models and models the catalog does not know. */
  maxOutputTokens: Maybe<Scalars['Int']['output']>;
  /** The model's ARN in this gateway's region. */
  modelArn: Scalars['String']['output'];
  /** Base model ID, e.g. `anthropic.claude-3-haiku-20240307-v1:0`. */
  modelId: Scalars['ID']['output'];
  /** Display name, e.g. `Claude 3 Haiku`. */
  modelName: Scalars['String']['output'];
  /** What the model produces. */
  outputModalities: Array<Modality>;
  /** Catalog prices; null when the catalog does not know the model. */
  pricing: Maybe<ModelPricing>;
  /** Provider as Bedrock names it, e.g. `Anthropic`, `Mistral AI`. */
  providerName: Scalars['String']['output'];
  /** Regions the catalog knows the model in (only this gateway's region when the catalog does not know it). */
  regions: Array<Scalars['String']['output']>;
  /** Whether the model needs an accepted agreement (EULA) before first use; see `agreementOffers` and `acceptAgreement`. */
  requiresAgreement: Scalars['Boolean']['output'];
  /** Whether the model streams responses, so `invokeStream` works. */
  responseStreamingSupported: Scalars['Boolean']['output'];
  /** Whether `invoke` accepts `tools` for this model; false when the catalog does not know it. */
  toolUse: Scalars['Boolean']['output'];
};

/** One generated image. */
export type GeneratedImage = {
  __typename?: 'GeneratedImage';
  /** Base64-encoded image bytes. */
  base64: Scalars['String']['output'];
  /** MIME type of the bytes; always `image/png`. */
  mimeType: Scalars['String']['output'];
  /** The seed the model reports (Stability models); null when the family returns none (Titan Image, Nova Canvas). */
  seed: Maybe<Scalars['Float']['output']>;
};

/** Encoding of an input image. */
export type ImageFormat =
  /** GIF. */
  | 'gif'
  /** JPEG. */
  | 'jpeg'
  /** PNG. */
  | 'png'
  /** WebP. */
  | 'webp';

/** A text-to-image request for Titan Image Generator, Nova Canvas or Stability models. */
export type ImageInput = {
  /**
   * How closely the image follows the prompt: 1.1–10 for Titan Image and Nova Canvas (defaults 8
   * and 6.5), 0–35 for SDXL; SD3/Stable Image models take none.
   */
  cfgScale?: InputMaybe<Scalars['Float']['input']>;
  /** Images to generate (1–5 where the family allows more than one: Titan Image and Nova Canvas). Stability models make 1. Default 1. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Height in pixels; see `width` for the sizes each family accepts. */
  height?: InputMaybe<Scalars['Int']['input']>;
  /** An image model: Titan Image Generator v1/v2, Nova Canvas, SDXL 1.0, SD3/SD3.5 Large, Stable Image Core/Ultra. */
  modelId: Scalars['ID']['input'];
  /** What to keep out of the image; not empty when given, same length limits as `prompt`. */
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  /** What to draw. At most 512 characters for Titan Image, 1,024 for Nova Canvas, 2,000 for SDXL, 10,000 for SD3/Stable Image. */
  prompt: Scalars['String']['input'];
  /**
   * Integer seed for reproducible images; omitted: random. 0–2147483646 for Titan Image,
   * 0–858993459 for Nova Canvas, 0–4294967295 for Stability models (hence Float, not Int).
   */
  seed?: InputMaybe<Scalars['Float']['input']>;
  /**
   * Width in pixels; give width and height together, or neither for the model's default (1024x1024
   * on Titan Image and Nova Canvas). Titan Image and SDXL accept a fixed list of sizes; Nova Canvas
   * any multiple of 16 from 320 to 4096, aspect ratio at most 4:1 and at most 2048x2048 pixels in all;
   * SD3/Stable Image map the pair to an aspect ratio (1:1, 16:9, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21).
   */
  width?: InputMaybe<Scalars['Int']['input']>;
};

/** An image inside a message. */
export type ImagePartInput = {
  /** Standard base64 bytes, no data-URL prefix. */
  base64: Scalars['String']['input'];
  /** Encoding of the image bytes. */
  format: ImageFormat;
};

/** The result of `generateImage`. */
export type ImageResult = {
  __typename?: 'ImageResult';
  /** Approximate cost: the model's per-image price times the images generated (as outputUsd). */
  cost: Cost;
  /** The generated images, one per `count`. */
  images: Array<GeneratedImage>;
  /** Wall time of the whole call in milliseconds, including retries. */
  latencyMs: Scalars['Float']['output'];
  /** The model ID as requested. */
  modelId: Scalars['ID']['output'];
};

/** An inference profile: a model ID that routes requests to one or more regions (cross-region inference) or tracks usage (application profiles). */
export type InferenceProfile = {
  __typename?: 'InferenceProfile';
  /** Free-text description; null when none. */
  description: Maybe<Scalars['String']['output']>;
  /** The profile's ARN; also usable as `modelId`. */
  inferenceProfileArn: Scalars['String']['output'];
  /** Profile ID, e.g. `us.anthropic.claude-3-5-sonnet-20241022-v2:0`; usable as `modelId`. */
  inferenceProfileId: Scalars['ID']['output'];
  /** Display name. */
  inferenceProfileName: Scalars['String']['output'];
  /** Foundation-model ARNs the profile routes to. */
  modelArns: Array<Scalars['String']['output']>;
  /** ACTIVE when usable. */
  status: Scalars['String']['output'];
  /** SYSTEM_DEFINED or APPLICATION. */
  type: Scalars['String']['output'];
};

/** ON_DEMAND in-region; PROVISIONED through provisioned throughput; INFERENCE_PROFILE only through a cross-region profile. */
export type InferenceType =
  /** On demand only through a cross-region inference profile ID (`us.…`, `eu.…`, `global.…`), not the base model ID. */
  | 'INFERENCE_PROFILE'
  /** Pay per token (or image), called in-region with the base model ID. */
  | 'ON_DEMAND'
  /** Served through purchased Provisioned Throughput (call it with the provisioned model ARN). */
  | 'PROVISIONED';

/** An agent turn. */
export type InvokeAgentInput = {
  /** The alias to call. Default TSTALIASID (the working draft). */
  agentAliasId?: InputMaybe<Scalars['ID']['input']>;
  /** The agent's ID. */
  agentId: Scalars['ID']['input'];
  /** Include the agent's reasoning traces. */
  enableTrace?: InputMaybe<Scalars['Boolean']['input']>;
  /** End the session after this turn. */
  endSession?: InputMaybe<Scalars['Boolean']['input']>;
  /** What the user says; may be omitted when answering a return of control. */
  inputText?: InputMaybe<Scalars['String']['input']>;
  /** Knowledge bases the agent may search this turn. */
  knowledgeBaseIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The `invocationId` of the returnControl being answered. */
  returnControlInvocationId?: InputMaybe<Scalars['String']['input']>;
  /** Bedrock's returnControlInvocationResults items: the results of the functions the agent asked for. */
  returnControlResults?: InputMaybe<Scalars['JSON']['input']>;
  /** Session attributes, a map of strings. */
  sessionAttributes?: InputMaybe<Scalars['JSON']['input']>;
  /** The session to continue; a new one is started when omitted (read it from the result). */
  sessionId?: InputMaybe<Scalars['String']['input']>;
};

/** A text generation request, the same shape for every text model family. */
export type InvokeInput = {
  /**
   * Upper bound on generated tokens, a positive integer; must not exceed the model's maxOutputTokens.
   * Omitted: the family's default (4096 for Claude).
   */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /**
   * The conversation, starting with a USER turn and alternating. It must end with a USER turn, except
   * that Claude, Nova, Llama and Mistral text models continue a final ASSISTANT turn (prefill).
   * Give `messages` or `prompt`, not both.
   */
  messages?: InputMaybe<Array<MessageInput>>;
  /** Base model ID, inference-profile ID or ARN (provisioned throughput, application profile, custom model). */
  modelId: Scalars['ID']['input'];
  /** Shorthand for a single USER message. */
  prompt?: InputMaybe<Scalars['String']['input']>;
  /** Strings that end generation when produced; none may be empty. At most 10 for Mistral text models, 5 for Cohere. */
  stopSequences?: InputMaybe<Array<Scalars['String']['input']>>;
  /** System prompt: instructions for the whole conversation (text models only). */
  system?: InputMaybe<Scalars['String']['input']>;
  /** Sampling temperature, 0–1 (0–2 for AI21 Jamba); lower is more deterministic. Omitted: the family's default. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** Whether and which tool the model must call; omitted means AUTO. */
  toolChoice?: InputMaybe<ToolChoiceInput>;
  /** Tools the model may call (families with tool support only: Claude 3+, Nova, Mistral Large, Cohere Command R, AI21 Jamba). */
  tools?: InputMaybe<Array<ToolInput>>;
  /** Nucleus sampling: the cumulative probability of tokens to sample from, 0–1. Omitted: the family's default. */
  topP?: InputMaybe<Scalars['Float']['input']>;
};

/** The result of `invoke`. */
export type InvokeResult = {
  __typename?: 'InvokeResult';
  /** The catalog model it resolved to. */
  baseModelId: Scalars['ID']['output'];
  /** Approximate cost of the call from `usage`. */
  cost: Cost;
  /** Wall time of the whole call in milliseconds, including retries. */
  latencyMs: Scalars['Float']['output'];
  /** The model ID as requested. */
  modelId: Scalars['ID']['output'];
  /** The family's own stop value (FINISH, stop, COMPLETE, …). */
  rawStopReason: Scalars['String']['output'];
  /** Bedrock's request ID, for support tickets. */
  requestId: Maybe<Scalars['String']['output']>;
  /** Why generation stopped. */
  stopReason: StopReason;
  /** All generated text blocks joined; empty when the model only called tools. */
  text: Scalars['String']['output'];
  /** Tool calls the model requested, in order; empty when none. */
  toolCalls: Array<ToolCall>;
  /** Token counts: Bedrock's billing headers when present, otherwise the response body. */
  usage: Usage;
};

/** A failure of one item in a batch. */
export type ItemError = {
  __typename?: 'ItemError';
  /** Stable error code, as in `extensions.code` (BAD_USER_INPUT, THROTTLED, …). */
  code: Scalars['String']['output'];
  /** What went wrong and how to fix it. */
  message: Scalars['String']['output'];
  /** Milliseconds to wait before retrying this item: always set for THROTTLED, else null. */
  retryAfterMs: Maybe<Scalars['Int']['output']>;
};

/** One turn of a conversation. */
export type Message = {
  __typename?: 'Message';
  /** The turn's text (for an INTERRUPTED answer, the text received before it was cut). */
  content: Scalars['String']['output'];
  /** Approximate cost of that call; null when `usage` is. */
  cost: Maybe<Cost>;
  /** ISO-8601 UTC. */
  createdAt: Scalars['String']['output'];
  /** Interrupted answers: the error code that cut them, when one did. */
  errorCode: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The model that wrote an answer; null on user turns. */
  modelId: Maybe<Scalars['ID']['output']>;
  /** USER or ASSISTANT. */
  role: Role;
  /** COMPLETE, INTERRUPTED or STREAMING. */
  status: MessageStatus;
  /** Why the answer stopped; null on user turns and interrupted answers. */
  stopReason: Maybe<StopReason>;
  /** Tool calls the answer made; echo their results with the next `sendMessage`. */
  toolCalls: Array<ToolCall>;
  /** Answers only: how many turns of the conversation were sent to the model. */
  turnsSent: Maybe<Scalars['Int']['output']>;
  /** Token counts of the call that produced an answer; null on user turns and unfinished answers. */
  usage: Maybe<Usage>;
};

/** One turn of a conversation. */
export type MessageInput = {
  /** The turn's text; may be empty when the turn carries only tool results or images. */
  content: Scalars['String']['input'];
  /** Images for models whose inputModalities include IMAGE. */
  images?: InputMaybe<Array<ImagePartInput>>;
  /** Who wrote the turn; turns alternate USER, ASSISTANT, USER, … */
  role: Role;
  /** Results of the previous turn's tool calls (USER turns). */
  toolResults?: InputMaybe<Array<ToolResultInput>>;
  /** Tool calls an ASSISTANT turn made (echo them back from a previous result). */
  toolUses?: InputMaybe<Array<ToolUseInput>>;
};

/** Whether a message is whole. */
export type MessageStatus =
  /** The whole turn. */
  | 'complete'
  /** An answer cut short (client left, upstream failure, crash): `content` is the text received before. */
  | 'interrupted'
  /** An answer being generated right now. */
  | 'streaming';

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
  inferenceType?: InputMaybe<InferenceType>;
  /** Only models that accept this input modality. */
  inputModality?: InputMaybe<Modality>;
  /** Only models that produce this output modality. */
  outputModality?: InputMaybe<Modality>;
  /** Provider name or ID prefix, case-insensitive: `anthropic`, `Anthropic`, `meta`, `Mistral AI`. */
  provider?: InputMaybe<Scalars['String']['input']>;
  /** Only models that can (true) or cannot (false) stream. */
  streaming?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Per-model prices in USD (approximate on-demand list prices). */
export type ModelPricing = {
  __typename?: 'ModelPricing';
  /** USD per 1,000 input tokens; null when not priced by input token. */
  inputPer1k: Maybe<Scalars['Float']['output']>;
  /** USD per 1,000 output tokens; null when not priced by output token. */
  outputPer1k: Maybe<Scalars['Float']['output']>;
  /** USD per image generated (image models) or read (Titan Multimodal Embeddings); null otherwise. */
  perImage: Maybe<Scalars['Float']['output']>;
};

/** Calls that invoke models or create Bedrock resources. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts a model's agreement offer (CreateFoundationModelAgreement) so the model can be invoked. */
  acceptAgreement: AgreementAcceptance;
  /** Creates an API key; the secret is returned here once and never again. Admin only. */
  createApiKey: CreatedApiKey;
  /**
   * Starts a batch inference job (CreateModelInvocationJob) at half the on-demand price. Inline
   * `records` are validated and encoded by the model family's codec and uploaded as JSONL to the
   * gateway's batch location (QUARRY_BATCH_S3_URI); or give an existing `inputS3Uri`.
   */
  createBatchJob: BatchJob;
  /** Starts a conversation; checked against the model (system prompt, tools) before it is saved. */
  createConversation: Conversation;
  /** Starts a model customization job (CreateModelCustomizationJob) and returns it as Bedrock reports it just after creation. */
  createModelCustomizationJob: CustomizationJob;
  /** Purchases Provisioned Throughput for a model (CreateProvisionedModelThroughput); it starts in status Creating. */
  createProvisionedThroughput: ProvisionedThroughput;
  /** Deletes a conversation and its messages; false when there was none (or it belongs to another key). */
  deleteConversation: Scalars['Boolean']['output'];
  /**
   * Embeds many texts; each text gets its own result, so one failure never loses the others.
   * Texts are batched to the model's per-call limit (1 for Titan, 96 for Cohere) and sent concurrently.
   */
  embed: EmbedResult;
  /** Generates images from a text prompt with Titan Image Generator, Nova Canvas or Stability models. */
  generateImage: ImageResult;
  /**
   * Generates text with any text model family; validated against the model's limits before any
   * upstream call. Retries throttling and transient failures; `latencyMs` includes them.
   */
  invoke: InvokeResult;
  /**
   * One turn with a Bedrock agent (InvokeAgent), collected: its answer, citations, traces, or the
   * function calls it hands back (returnControl). Reuse `sessionId` for a multi-turn session.
   */
  invokeAgent: AgentResult;
  /**
   * Sends the family's native body as is and returns the native response body. No validation and
   * no translation: works for models Quarry's catalog does not know.
   */
  invokeRaw: Scalars['JSON']['output'];
  /**
   * Answers a query from a knowledge base with citations (RetrieveAndGenerate). Pass the returned
   * `sessionId` back to continue the conversation.
   */
  retrieveAndGenerate: RetrieveAndGenerateResult;
  /** Revokes a key: refused at once on HTTP, and its open graphql-ws operations end with UNAUTHENTICATED. Admin only. */
  revokeApiKey: ApiKey;
  /** Gives a key a new secret (same id, scope and limits); the old secret stops working at once. Admin only. */
  rotateApiKey: CreatedApiKey;
  /**
   * Sends a user turn and returns the model's answer. The user turn is committed before the model is
   * called; the answer when it is complete (a failed call leaves it INTERRUPTED with the error code).
   * Sends to one conversation run one at a time, in arrival order.
   */
  sendMessage: Message;
  /** Stops a running batch job (StopModelInvocationJob); the records processed so far keep their results. */
  stopBatchJob: BatchJob;
  /**
   * Renames a conversation or changes its settings. A new `modelId` may be of another family: the
   * history is re-encoded for it on the next send, and a model that cannot take the history (tool
   * calls, system prompt) is refused with the reason.
   */
  updateConversation: Conversation;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationAcceptAgreementArgs = {
  modelId: Scalars['ID']['input'];
  offerToken: Scalars['String']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationCreateBatchJobArgs = {
  input: CreateBatchJobInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationCreateConversationArgs = {
  input: CreateConversationInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationCreateModelCustomizationJobArgs = {
  input: CreateCustomizationJobInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationCreateProvisionedThroughputArgs = {
  input: CreateProvisionedThroughputInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationDeleteConversationArgs = {
  id: Scalars['ID']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationEmbedArgs = {
  input: EmbedInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationGenerateImageArgs = {
  input: ImageInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationInvokeArgs = {
  input: InvokeInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationInvokeAgentArgs = {
  input: InvokeAgentInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationInvokeRawArgs = {
  body: Scalars['JSON']['input'];
  modelId: Scalars['ID']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationRetrieveAndGenerateArgs = {
  input: RetrieveAndGenerateInput;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationRotateApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationSendMessageArgs = {
  content: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
  toolResults?: InputMaybe<Array<ToolResultInput>>;
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationStopBatchJobArgs = {
  id: Scalars['ID']['input'];
};


/** Calls that invoke models or create Bedrock resources. */
export type MutationUpdateConversationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateConversationInput;
};

/** What a key may be allowed to do. */
export type Operation =
  /** Everything, including keys, audit and provisioned throughput. */
  | 'ADMIN'
  /** Agents and knowledge bases. */
  | 'AGENTS'
  /** Persisted conversations. */
  | 'CONVERSATION'
  /** embed. */
  | 'EMBED'
  /** generateImage. */
  | 'IMAGE'
  /** invoke, invokeRaw (and converse). */
  | 'INVOKE'
  /** Batch and customization jobs. */
  | 'JOBS'
  /** invokeStream and other streaming subscriptions. */
  | 'STREAM';

/** Purchased Provisioned Throughput: dedicated capacity for one model. */
export type ProvisionedThroughput = {
  __typename?: 'ProvisionedThroughput';
  /** OneMonth or SixMonths; null for no commitment (hourly). */
  commitmentDuration: Maybe<Scalars['String']['output']>;
  /** When the throughput was created, ISO-8601 UTC. */
  creationTime: Scalars['String']['output'];
  /** ARN of the underlying foundation model. */
  foundationModelArn: Maybe<Scalars['String']['output']>;
  /** ARN of the model served (foundation or custom). */
  modelArn: Scalars['String']['output'];
  /** Number of model units purchased. */
  modelUnits: Scalars['Int']['output'];
  /** ARN to use as `modelId` to call the model through this throughput. */
  provisionedModelArn: Scalars['ID']['output'];
  /** Name given at purchase. */
  provisionedModelName: Scalars['String']['output'];
  /** Creating, InService, Updating or Failed. */
  status: Scalars['String']['output'];
};

/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type Query = {
  __typename?: 'Query';
  /** The agreement (EULA) offers of a model that needs one before first use; empty when none is needed. */
  agreementOffers: Array<AgreementOffer>;
  /** Every API key, newest first. Admin only. */
  apiKeys: Array<ApiKey>;
  /** The hash-chained audit log, newest first. Admin only. */
  auditLog: AuditPage;
  /** One batch inference job by `id` (its ARN); null when Bedrock does not know it. */
  batchJob: Maybe<BatchJob>;
  /** Batch inference jobs (CreateModelInvocationJob). */
  batchJobs: Array<BatchJob>;
  /** One of the caller's conversations with its messages in order; null when it does not exist or belongs to another key. */
  conversation: Maybe<Conversation>;
  /**
   * The caller's conversations, newest first. Page with `first` and `after`: pass the last
   * conversation's `cursor` as `after` to get the next page.
   */
  conversations: Array<Conversation>;
  /** Models produced by customization jobs (ListCustomModels). */
  customModels: Array<CustomModel>;
  /** Model customization jobs in the account (ListModelCustomizationJobs), in any status. */
  customizationJobs: Array<CustomizationJob>;
  /** System-defined (cross-region) and application inference profiles. */
  inferenceProfiles: Array<InferenceProfile>;
  /** The calling key (the bootstrap QUARRY_ADMIN_KEY and an open gateway report id `admin`). */
  me: ApiKey;
  /**
   * One model by base ID, inference-profile ID (us./eu./apac./global.) or ARN; null when unknown.
   * May return a catalog model the upstream does not serve in this region (then `available` is false).
   */
  model: Maybe<FoundationModel>;
  /**
   * Foundation models available to this gateway's upstream in its region, joined with Quarry's
   * catalog (limits, prices, inference profiles). Filters combine with AND. Served from a short-lived cache.
   */
  models: Array<FoundationModel>;
  /** Provisioned Throughput purchases in the account (ListProvisionedModelThroughputs). */
  provisionedThroughputs: Array<ProvisionedThroughput>;
  /** Chunks of a knowledge base that match a query, best first (Retrieve). */
  retrieve: Array<RetrievalResult>;
  /**
   * Calls, tokens and cost per key × model × UTC day, for every call (failed and streamed ones
   * included). A non-admin key sees only its own rows; an admin may filter by `keyId`.
   */
  usage: Array<UsageRow>;
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryAgreementOffersArgs = {
  modelId: Scalars['ID']['input'];
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryBatchJobArgs = {
  id: Scalars['ID']['input'];
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryModelsArgs = {
  filter?: InputMaybe<ModelFilter>;
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryRetrieveArgs = {
  input: RetrieveInput;
};


/** Read-only views of the model catalog and of the account's Bedrock resources. */
export type QueryUsageArgs = {
  from?: InputMaybe<Scalars['String']['input']>;
  keyId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/** A chunk of a knowledge base. */
export type RetrievalResult = {
  __typename?: 'RetrievalResult';
  /** The document's metadata attributes, Bedrock's own (`x-amz-bedrock-kb-*`) included. */
  metadata: Scalars['JSON']['output'];
  /** Relevance in [0, 1]; null in citations. */
  score: Maybe<Scalars['Float']['output']>;
  /** The chunk's text. */
  text: Scalars['String']['output'];
  /** Where the chunk came from (an S3 URI, a web URL, …). */
  uri: Maybe<Scalars['String']['output']>;
};

/** A question for a knowledge base. */
export type RetrieveAndGenerateInput = {
  /** A Bedrock RetrievalFilter on document metadata. */
  filter?: InputMaybe<Scalars['JSON']['input']>;
  /** The knowledge base's ID. */
  knowledgeBaseId: Scalars['ID']['input'];
  /** The text model that writes the answer (ID, profile ID or ARN). */
  modelId: Scalars['ID']['input'];
  /** How many chunks to ground the answer on, 1–100. */
  numberOfResults?: InputMaybe<Scalars['Int']['input']>;
  /** The question. */
  query: Scalars['String']['input'];
  /** The `sessionId` of the previous answer, to continue the conversation. */
  sessionId?: InputMaybe<Scalars['String']['input']>;
};

/** A grounded answer. */
export type RetrieveAndGenerateResult = {
  __typename?: 'RetrieveAndGenerateResult';
  /** Which parts of the answer came from which chunks. */
  citations: Array<Citation>;
  /** Pass it back to continue the conversation. */
  sessionId: Scalars['String']['output'];
  /** The answer. */
  text: Scalars['String']['output'];
};

/** A knowledge-base search. */
export type RetrieveInput = {
  /** A Bedrock RetrievalFilter on document metadata, e.g. {"equals": {"key": "topic", "value": "rivers"}}. */
  filter?: InputMaybe<Scalars['JSON']['input']>;
  /** The knowledge base's ID. */
  knowledgeBaseId: Scalars['ID']['input'];
  /** How many chunks to return, 1–100. Default 5. */
  numberOfResults?: InputMaybe<Scalars['Int']['input']>;
  /** The query text. */
  query: Scalars['String']['input'];
};

/** Function or API calls an agent hands back for the caller to run. */
export type ReturnControl = {
  __typename?: 'ReturnControl';
  /** Bedrock's invocationInputs, as returned. */
  inputs: Scalars['JSON']['output'];
  /** Echo it in InvokeAgentInput.returnControlInvocationId with the results. */
  invocationId: Scalars['String']['output'];
};

/** A chat turn's author. */
export type Role =
  /** The model: its earlier answers and tool calls. */
  | 'assistant'
  /** The caller: prompts, images and tool results. */
  | 'user';

/** Why generation stopped, the same for every family. */
export type StopReason =
  /** The model's own content filter or a refusal stopped the output. */
  | 'content_filtered'
  /** The model finished its answer. */
  | 'end_turn'
  /** A Bedrock guardrail blocked or changed the output. */
  | 'guardrail_intervened'
  /** Output reached `maxTokens` (or the family's default limit); the text is cut off. */
  | 'max_tokens'
  /** The model generated one of `stopSequences`. */
  | 'stop_sequence'
  /** The model stopped to call tools; see `toolCalls`. */
  | 'tool_use';

/** The last event of a stream. */
export type StreamEnd = {
  __typename?: 'StreamEnd';
  /** Approximate cost of the generation from `usage`. */
  cost: Cost;
  /** Time from the subscription's start to the last event, in milliseconds. */
  latencyMs: Scalars['Float']['output'];
  /** `sendMessageStream` only: the ID of the assistant message, committed before this event is sent. */
  messageId: Maybe<Scalars['ID']['output']>;
  /** The family's own stop value (FINISH, stop, COMPLETE, …). */
  rawStopReason: Scalars['String']['output'];
  /** Why generation stopped. */
  stopReason: StopReason;
  /** Tool calls assembled from the deltas, with parsed input ({} when empty; the raw string when the JSON does not parse). */
  toolCalls: Array<ToolCall>;
  /** `sendMessageStream` only: how many conversation turns were sent to the model (older ones are dropped to fit its context window). */
  turnsSent: Maybe<Scalars['Int']['output']>;
  /** Token counts of the whole generation. */
  usage: Usage;
};

/** One event of `invokeStream`: StreamStart first, then TextDelta and ToolUseDelta, then StreamEnd last. */
export type StreamEvent = StreamEnd | StreamStart | TextDelta | ToolUseDelta;

/**
 * The first event of a stream, sent just before its first content event (TextDelta or ToolUseDelta),
 * or before StreamEnd when there is no content. Retries of a failed opening happen before it, so a
 * stream that fails before any content ends with an error and no StreamStart.
 */
export type StreamStart = {
  __typename?: 'StreamStart';
  /** The model ID as requested. */
  modelId: Scalars['ID']['output'];
  /** Bedrock's request ID, for support tickets; null when the upstream gave none. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** Streams over graphql-ws. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A batch job on every change of status or counts, completing after a terminal status (Completed,
   * PartiallyCompleted, Failed, Stopped, Expired). However many subscribers follow a job, the gateway
   * polls Bedrock once for it, backing off while nothing changes.
   */
  batchJobProgress: BatchJob;
  /** A model customization job on every status change, completing after a terminal status. */
  customizationJobProgress: CustomizationJob;
  /** One agent turn as it happens: text chunks (with citations), traces, return of control, then AgentEnd. */
  invokeAgentStream: AgentEvent;
  /**
   * Streams a generation as typed events while tokens arrive: one StreamStart, then TextDelta and
   * ToolUseDelta events, then one StreamEnd with the stop reason, usage and assembled tool calls.
   * The input is validated like `invoke` before any upstream call, so a bad request fails at once.
   * Completing the subscription cancels the upstream call at once.
   */
  invokeStream: StreamEvent;
  /**
   * Like `sendMessage`, streamed: the same events as `invokeStream`; the last one (StreamEnd) carries
   * the committed message's ID. A stream cut by the client, the upstream or a crash leaves the answer
   * INTERRUPTED with the text received so far.
   */
  sendMessageStream: StreamEvent;
};


/** Streams over graphql-ws. */
export type SubscriptionBatchJobProgressArgs = {
  id: Scalars['ID']['input'];
};


/** Streams over graphql-ws. */
export type SubscriptionCustomizationJobProgressArgs = {
  id: Scalars['ID']['input'];
};


/** Streams over graphql-ws. */
export type SubscriptionInvokeAgentStreamArgs = {
  input: InvokeAgentInput;
};


/** Streams over graphql-ws. */
export type SubscriptionInvokeStreamArgs = {
  input: InvokeInput;
};


/** Streams over graphql-ws. */
export type SubscriptionSendMessageStreamArgs = {
  content: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
  toolResults?: InputMaybe<Array<ToolResultInput>>;
};

/** A piece of generated text; concatenate the deltas in order. */
export type TextDelta = {
  __typename?: 'TextDelta';
  /** Content block index. */
  index: Scalars['Int']['output'];
  /** The new text. */
  text: Scalars['String']['output'];
};

/** A complete tool call the model requested; `input` is parsed JSON. */
export type ToolCall = {
  __typename?: 'ToolCall';
  /** The tool input the model produced, as parsed JSON. */
  input: Scalars['JSON']['output'];
  /** Name of the tool to call, one of the request's `tools`. */
  name: Scalars['String']['output'];
  /** The call's ID; echo it in ToolUseInput and ToolResultInput. */
  toolUseId: Scalars['ID']['output'];
};

/** Whether and which tool the model must call. AI21 Jamba and Cohere Command R accept only AUTO. */
export type ToolChoiceInput = {
  /** AUTO, ANY or TOOL. */
  mode: ToolChoiceMode;
  /** Required when mode is TOOL: the name of one of `tools`. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Whether and which tool the model must call. */
export type ToolChoiceMode =
  /** The model must call some tool. */
  | 'any'
  /** The model decides whether to call a tool. */
  | 'auto'
  /** The model must call the tool named in `name`. */
  | 'tool';

/** A tool the model may call. */
export type ToolInput = {
  /** What the tool does and when to use it; the model reads it to decide. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** JSON Schema of the tool's input object. */
  inputSchema: Scalars['JSON']['input'];
  /** Unique tool name: 1–64 letters, digits, _ or -. */
  name: Scalars['String']['input'];
};

/** The result of running a tool call, sent back in a USER turn. */
export type ToolResultInput = {
  /** The tool's output as text (JSON-encode structured results). */
  content: Scalars['String']['input'];
  /** True when the tool failed and `content` describes the error; default false. */
  isError?: InputMaybe<Scalars['Boolean']['input']>;
  /** ID of the tool call this answers (`ToolCall.toolUseId`). */
  toolUseId: Scalars['ID']['input'];
};

/** A fragment of a tool call's JSON input; concatenate the fragments of one index. */
export type ToolUseDelta = {
  __typename?: 'ToolUseDelta';
  /** Content block index of the tool call; fragments with the same index belong together. */
  index: Scalars['Int']['output'];
  /** The next piece of the tool input's JSON text; not valid JSON on its own. */
  inputJson: Scalars['String']['output'];
  /** The tool's name, repeated on every fragment. */
  name: Scalars['String']['output'];
  /** The call's ID, repeated on every fragment. */
  toolUseId: Scalars['String']['output'];
};

/** A tool call the model made earlier, echoed back in an ASSISTANT turn. */
export type ToolUseInput = {
  /** The input the model gave the tool (`ToolCall.input`). */
  input: Scalars['JSON']['input'];
  /** The tool the model called. */
  name: Scalars['String']['input'];
  /** The call's ID (`ToolCall.toolUseId`). */
  toolUseId: Scalars['ID']['input'];
};

/** Changes to a conversation; omitted fields stay as they are. */
export type UpdateConversationInput = {
  /** New upper bound on generated tokens per answer. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Switch to another model, of any text family; later turns use it. */
  modelId?: InputMaybe<Scalars['ID']['input']>;
  /** New system prompt. */
  system?: InputMaybe<Scalars['String']['input']>;
  /** New sampling temperature. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** New title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Token counts of a call. */
export type Usage = {
  __typename?: 'Usage';
  /** Tokens read: prompt, system prompt, history and tool definitions, or the texts embedded. */
  inputTokens: Scalars['Int']['output'];
  /** Tokens generated (0 for embeddings). */
  outputTokens: Scalars['Int']['output'];
  /** inputTokens + outputTokens. */
  totalTokens: Scalars['Int']['output'];
};

/** One key × model × UTC day. */
export type UsageRow = {
  __typename?: 'UsageRow';
  calls: Scalars['Int']['output'];
  costUsd: Scalars['Float']['output'];
  /** `YYYY-MM-DD` (UTC). */
  day: Scalars['String']['output'];
  inputTokens: Scalars['Int']['output'];
  keyId: Scalars['ID']['output'];
  /** Base model ID. */
  modelId: Scalars['ID']['output'];
  outputTokens: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  AgentEvent:
    | ( AgentChunk )
    | ( AgentEnd )
    | ( AgentTrace )
    | ( ReturnControl )
  ;
  StreamEvent:
    | ( StreamEndEvent )
    | ( StreamStartEvent )
    | ( TextDeltaEvent )
    | ( ToolUseDeltaEvent )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AgentChunk: ResolverTypeWrapper<AgentChunk>;
  AgentEnd: ResolverTypeWrapper<AgentEnd>;
  AgentEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AgentEvent']>;
  AgentResult: ResolverTypeWrapper<AgentResult>;
  AgentTrace: ResolverTypeWrapper<AgentTrace>;
  AgreementAcceptance: ResolverTypeWrapper<AgreementAcceptance>;
  AgreementOffer: ResolverTypeWrapper<AgreementOffer>;
  ApiKey: ResolverTypeWrapper<ApiKeyView>;
  AuditEntry: ResolverTypeWrapper<AuditRecord>;
  AuditPage: ResolverTypeWrapper<Omit<AuditPage, 'entries'> & { entries: Array<ResolversTypes['AuditEntry']> }>;
  BatchJob: ResolverTypeWrapper<BatchJobView>;
  BatchRecordResult: ResolverTypeWrapper<BatchRecordResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Citation: ResolverTypeWrapper<Citation>;
  CommitmentDuration: null;
  Conversation: ResolverTypeWrapper<ConversationRow>;
  Cost: ResolverTypeWrapper<Cost>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBatchJobInput: CreateBatchJobInput;
  CreateConversationInput: CreateConversationInput;
  CreateCustomizationJobInput: CreateCustomizationJobInput;
  CreateProvisionedThroughputInput: CreateProvisionedThroughputInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CustomModel: ResolverTypeWrapper<CustomModel>;
  CustomizationJob: ResolverTypeWrapper<CustomizationJob>;
  CustomizationType: CustomizationType;
  EmbedInput: EmbedInput;
  EmbedInputType: null;
  EmbedResult: ResolverTypeWrapper<Omit<EmbedResult, 'embeddings'> & { embeddings: Array<ResolversTypes['Embedding']> }>;
  Embedding: ResolverTypeWrapper<EmbeddingView>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FoundationModel: ResolverTypeWrapper<ModelView>;
  GeneratedImage: ResolverTypeWrapper<GeneratedImage>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImageFormat: null;
  ImageInput: ImageInput;
  ImagePartInput: ImagePartInput;
  ImageResult: ResolverTypeWrapper<ImageResult>;
  InferenceProfile: ResolverTypeWrapper<InferenceProfile>;
  InferenceType: InferenceType;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvokeAgentInput: InvokeAgentInput;
  InvokeInput: InvokeInput;
  InvokeResult: ResolverTypeWrapper<InvokeResult>;
  ItemError: ResolverTypeWrapper<ItemError>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Message: ResolverTypeWrapper<MessageRow>;
  MessageInput: MessageInput;
  MessageStatus: null;
  Modality: Modality;
  ModelFilter: ModelFilter;
  ModelPricing: ResolverTypeWrapper<ModelPricing>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Operation: Operation;
  ProvisionedThroughput: ResolverTypeWrapper<ProvisionedThroughput>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetrievalResult: ResolverTypeWrapper<RetrievalResult>;
  RetrieveAndGenerateInput: RetrieveAndGenerateInput;
  RetrieveAndGenerateResult: ResolverTypeWrapper<RetrieveAndGenerateResult>;
  RetrieveInput: RetrieveInput;
  ReturnControl: ResolverTypeWrapper<ReturnControl>;
  Role: null;
  StopReason: null;
  StreamEnd: ResolverTypeWrapper<StreamEndEvent>;
  StreamEvent: ResolverTypeWrapper<GatewayStreamEvent>;
  StreamStart: ResolverTypeWrapper<StreamStartEvent>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TextDelta: ResolverTypeWrapper<TextDeltaEvent>;
  ToolCall: ResolverTypeWrapper<ToolCall>;
  ToolChoiceInput: ToolChoiceInput;
  ToolChoiceMode: null;
  ToolInput: ToolInput;
  ToolResultInput: ToolResultInput;
  ToolUseDelta: ResolverTypeWrapper<ToolUseDeltaEvent>;
  ToolUseInput: ToolUseInput;
  UpdateConversationInput: UpdateConversationInput;
  Usage: ResolverTypeWrapper<Usage>;
  UsageRow: ResolverTypeWrapper<UsageTotals>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AgentChunk: AgentChunk;
  AgentEnd: AgentEnd;
  AgentEvent: ResolversUnionTypes<ResolversParentTypes>['AgentEvent'];
  AgentResult: AgentResult;
  AgentTrace: AgentTrace;
  AgreementAcceptance: AgreementAcceptance;
  AgreementOffer: AgreementOffer;
  ApiKey: ApiKeyView;
  AuditEntry: AuditRecord;
  AuditPage: Omit<AuditPage, 'entries'> & { entries: Array<ResolversParentTypes['AuditEntry']> };
  BatchJob: BatchJobView;
  BatchRecordResult: BatchRecordResult;
  Boolean: Scalars['Boolean']['output'];
  Citation: Citation;
  Conversation: ConversationRow;
  Cost: Cost;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateBatchJobInput: CreateBatchJobInput;
  CreateConversationInput: CreateConversationInput;
  CreateCustomizationJobInput: CreateCustomizationJobInput;
  CreateProvisionedThroughputInput: CreateProvisionedThroughputInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CustomModel: CustomModel;
  CustomizationJob: CustomizationJob;
  EmbedInput: EmbedInput;
  EmbedResult: Omit<EmbedResult, 'embeddings'> & { embeddings: Array<ResolversParentTypes['Embedding']> };
  Embedding: EmbeddingView;
  Float: Scalars['Float']['output'];
  FoundationModel: ModelView;
  GeneratedImage: GeneratedImage;
  ID: Scalars['ID']['output'];
  ImageInput: ImageInput;
  ImagePartInput: ImagePartInput;
  ImageResult: ImageResult;
  InferenceProfile: InferenceProfile;
  Int: Scalars['Int']['output'];
  InvokeAgentInput: InvokeAgentInput;
  InvokeInput: InvokeInput;
  InvokeResult: InvokeResult;
  ItemError: ItemError;
  JSON: Scalars['JSON']['output'];
  Message: MessageRow;
  MessageInput: MessageInput;
  ModelFilter: ModelFilter;
  ModelPricing: ModelPricing;
  Mutation: Record<PropertyKey, never>;
  ProvisionedThroughput: ProvisionedThroughput;
  Query: Record<PropertyKey, never>;
  RetrievalResult: RetrievalResult;
  RetrieveAndGenerateInput: RetrieveAndGenerateInput;
  RetrieveAndGenerateResult: RetrieveAndGenerateResult;
  RetrieveInput: RetrieveInput;
  ReturnControl: ReturnControl;
  StreamEnd: StreamEndEvent;
  StreamEvent: GatewayStreamEvent;
  StreamStart: StreamStartEvent;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TextDelta: TextDeltaEvent;
  ToolCall: ToolCall;
  ToolChoiceInput: ToolChoiceInput;
  ToolInput: ToolInput;
  ToolResultInput: ToolResultInput;
  ToolUseDelta: ToolUseDeltaEvent;
  ToolUseInput: ToolUseInput;
  UpdateConversationInput: UpdateConversationInput;
  Usage: Usage;
  UsageRow: UsageTotals;
};

export type AgentChunkResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentChunk'] = ResolversParentTypes['AgentChunk']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgentEndResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentEnd'] = ResolversParentTypes['AgentEnd']> = {
  sessionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgentEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentEvent'] = ResolversParentTypes['AgentEvent']> = {
  __resolveType: TypeResolveFn<'AgentChunk' | 'AgentEnd' | 'AgentTrace' | 'ReturnControl', ParentType, ContextType>;
};

export type AgentResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentResult'] = ResolversParentTypes['AgentResult']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  returnControl?: Resolver<Maybe<ResolversTypes['ReturnControl']>, ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  traces?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type AgentTraceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgentTrace'] = ResolversParentTypes['AgentTrace']> = {
  trace?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgreementAcceptanceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgreementAcceptance'] = ResolversParentTypes['AgreementAcceptance']> = {
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AgreementOfferResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AgreementOffer'] = ResolversParentTypes['AgreementOffer']> = {
  legalTermUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  offerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  offerToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rateCard?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  models?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  monthlyBudgetUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operations?: Resolver<Array<ResolversTypes['Operation']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestsPerMinute?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  spentUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokensPerMinute?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  costUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  keyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  keyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  upstreamRequestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditPageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditPage'] = ResolversParentTypes['AuditPage']> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  nextCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BatchJobResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BatchJob'] = ResolversParentTypes['BatchJob']> = {
  arn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputS3Uri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jobArn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastModifiedTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputS3Uri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  processedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  recordCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['BatchRecordResult']>, ParentType, ContextType, Partial<BatchJobResultsArgs>>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  submitTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  succeededCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type BatchRecordResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BatchRecordResult'] = ResolversParentTypes['BatchRecordResult']> = {
  cost?: Resolver<Maybe<ResolversTypes['Cost']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stopReason?: Resolver<Maybe<ResolversTypes['StopReason']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['Usage']>, ParentType, ContextType>;
};

export type CitationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  references?: Resolver<Array<ResolversTypes['RetrievalResult']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CommitmentDurationResolvers = { ONE_MONTH: 'OneMonth', SIX_MONTHS: 'SixMonths' };

export type ConversationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  system?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  temperature?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CostResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Cost'] = ResolversParentTypes['Cost']> = {
  inputUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outputUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  priced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CustomModelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CustomModel'] = ResolversParentTypes['CustomModel']> = {
  baseModelArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  baseModelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  creationTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customizationType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelArn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CustomizationJobResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CustomizationJob'] = ResolversParentTypes['CustomizationJob']> = {
  baseModelArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  creationTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customModelArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customModelName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customizationType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failureMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jobArn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastModifiedTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EmbedInputTypeResolvers = { CLASSIFICATION: 'classification', CLUSTERING: 'clustering', SEARCH_DOCUMENT: 'search_document', SEARCH_QUERY: 'search_query' };

export type EmbedResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['EmbedResult'] = ResolversParentTypes['EmbedResult']> = {
  cost?: Resolver<ResolversTypes['Cost'], ParentType, ContextType>;
  embeddings?: Resolver<Array<ResolversTypes['Embedding']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType>;
};

export type EmbeddingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Embedding'] = ResolversParentTypes['Embedding']> = {
  base64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dimensions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['ItemError']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FoundationModelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['FoundationModel'] = ResolversParentTypes['FoundationModel']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contextWindow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  customizationsSupported?: Resolver<Array<ResolversTypes['CustomizationType']>, ParentType, ContextType>;
  deprecationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  embeddingDimensions?: Resolver<Maybe<Array<ResolversTypes['Int']>>, ParentType, ContextType>;
  family?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inCatalog?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inferenceProfiles?: Resolver<Array<ResolversTypes['InferenceProfile']>, ParentType, ContextType>;
  inferenceTypesSupported?: Resolver<Array<ResolversTypes['InferenceType']>, ParentType, ContextType>;
  inputModalities?: Resolver<Array<ResolversTypes['Modality']>, ParentType, ContextType>;
  isDeprecated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lifecycleStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxOutputTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  modelArn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputModalities?: Resolver<Array<ResolversTypes['Modality']>, ParentType, ContextType>;
  pricing?: Resolver<Maybe<ResolversTypes['ModelPricing']>, ParentType, ContextType>;
  providerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  requiresAgreement?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  responseStreamingSupported?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  toolUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type GeneratedImageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['GeneratedImage'] = ResolversParentTypes['GeneratedImage']> = {
  base64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seed?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ImageFormatResolvers = { GIF: 'gif', JPEG: 'jpeg', PNG: 'png', WEBP: 'webp' };

export type ImageResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ImageResult'] = ResolversParentTypes['ImageResult']> = {
  cost?: Resolver<ResolversTypes['Cost'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['GeneratedImage']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InferenceProfileResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InferenceProfile'] = ResolversParentTypes['InferenceProfile']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inferenceProfileArn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inferenceProfileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inferenceProfileName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelArns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvokeResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['InvokeResult'] = ResolversParentTypes['InvokeResult']> = {
  baseModelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['Cost'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rawStopReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stopReason?: Resolver<ResolversTypes['StopReason'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toolCalls?: Resolver<Array<ResolversTypes['ToolCall']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType>;
};

export type ItemErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ItemError'] = ResolversParentTypes['ItemError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MessageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cost?: Resolver<Maybe<ResolversTypes['Cost']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
  stopReason?: Resolver<Maybe<ResolversTypes['StopReason']>, ParentType, ContextType>;
  toolCalls?: Resolver<Array<ResolversTypes['ToolCall']>, ParentType, ContextType>;
  turnsSent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['Usage']>, ParentType, ContextType>;
};

export type MessageStatusResolvers = { COMPLETE: 'complete', INTERRUPTED: 'interrupted', STREAMING: 'streaming' };

export type ModelPricingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelPricing'] = ResolversParentTypes['ModelPricing']> = {
  inputPer1k?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outputPer1k?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  perImage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptAgreement?: Resolver<ResolversTypes['AgreementAcceptance'], ParentType, ContextType, RequireFields<MutationAcceptAgreementArgs, 'modelId' | 'offerToken'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createBatchJob?: Resolver<ResolversTypes['BatchJob'], ParentType, ContextType, RequireFields<MutationCreateBatchJobArgs, 'input'>>;
  createConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationCreateConversationArgs, 'input'>>;
  createModelCustomizationJob?: Resolver<ResolversTypes['CustomizationJob'], ParentType, ContextType, RequireFields<MutationCreateModelCustomizationJobArgs, 'input'>>;
  createProvisionedThroughput?: Resolver<ResolversTypes['ProvisionedThroughput'], ParentType, ContextType, RequireFields<MutationCreateProvisionedThroughputArgs, 'input'>>;
  deleteConversation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteConversationArgs, 'id'>>;
  embed?: Resolver<ResolversTypes['EmbedResult'], ParentType, ContextType, RequireFields<MutationEmbedArgs, 'input'>>;
  generateImage?: Resolver<ResolversTypes['ImageResult'], ParentType, ContextType, RequireFields<MutationGenerateImageArgs, 'input'>>;
  invoke?: Resolver<ResolversTypes['InvokeResult'], ParentType, ContextType, RequireFields<MutationInvokeArgs, 'input'>>;
  invokeAgent?: Resolver<ResolversTypes['AgentResult'], ParentType, ContextType, RequireFields<MutationInvokeAgentArgs, 'input'>>;
  invokeRaw?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<MutationInvokeRawArgs, 'body' | 'modelId'>>;
  retrieveAndGenerate?: Resolver<ResolversTypes['RetrieveAndGenerateResult'], ParentType, ContextType, RequireFields<MutationRetrieveAndGenerateArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationRotateApiKeyArgs, 'id'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'content' | 'conversationId'>>;
  stopBatchJob?: Resolver<ResolversTypes['BatchJob'], ParentType, ContextType, RequireFields<MutationStopBatchJobArgs, 'id'>>;
  updateConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationUpdateConversationArgs, 'id' | 'input'>>;
};

export type ProvisionedThroughputResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProvisionedThroughput'] = ResolversParentTypes['ProvisionedThroughput']> = {
  commitmentDuration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  creationTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  foundationModelArn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelArn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelUnits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provisionedModelArn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  provisionedModelName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  agreementOffers?: Resolver<Array<ResolversTypes['AgreementOffer']>, ParentType, ContextType, RequireFields<QueryAgreementOffersArgs, 'modelId'>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  auditLog?: Resolver<ResolversTypes['AuditPage'], ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  batchJob?: Resolver<Maybe<ResolversTypes['BatchJob']>, ParentType, ContextType, RequireFields<QueryBatchJobArgs, 'id'>>;
  batchJobs?: Resolver<Array<ResolversTypes['BatchJob']>, ParentType, ContextType>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  conversations?: Resolver<Array<ResolversTypes['Conversation']>, ParentType, ContextType, Partial<QueryConversationsArgs>>;
  customModels?: Resolver<Array<ResolversTypes['CustomModel']>, ParentType, ContextType>;
  customizationJobs?: Resolver<Array<ResolversTypes['CustomizationJob']>, ParentType, ContextType>;
  inferenceProfiles?: Resolver<Array<ResolversTypes['InferenceProfile']>, ParentType, ContextType>;
  me?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['FoundationModel']>, ParentType, ContextType, RequireFields<QueryModelArgs, 'id'>>;
  models?: Resolver<Array<ResolversTypes['FoundationModel']>, ParentType, ContextType, Partial<QueryModelsArgs>>;
  provisionedThroughputs?: Resolver<Array<ResolversTypes['ProvisionedThroughput']>, ParentType, ContextType>;
  retrieve?: Resolver<Array<ResolversTypes['RetrievalResult']>, ParentType, ContextType, RequireFields<QueryRetrieveArgs, 'input'>>;
  usage?: Resolver<Array<ResolversTypes['UsageRow']>, ParentType, ContextType, Partial<QueryUsageArgs>>;
};

export type RetrievalResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RetrievalResult'] = ResolversParentTypes['RetrievalResult']> = {
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RetrieveAndGenerateResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RetrieveAndGenerateResult'] = ResolversParentTypes['RetrieveAndGenerateResult']> = {
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReturnControlResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ReturnControl'] = ResolversParentTypes['ReturnControl']> = {
  inputs?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  invocationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoleResolvers = { ASSISTANT: 'assistant', USER: 'user' };

export type StopReasonResolvers = { CONTENT_FILTERED: 'content_filtered', END_TURN: 'end_turn', GUARDRAIL_INTERVENED: 'guardrail_intervened', MAX_TOKENS: 'max_tokens', STOP_SEQUENCE: 'stop_sequence', TOOL_USE: 'tool_use' };

export type StreamEndResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StreamEnd'] = ResolversParentTypes['StreamEnd']> = {
  cost?: Resolver<ResolversTypes['Cost'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  messageId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rawStopReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stopReason?: Resolver<ResolversTypes['StopReason'], ParentType, ContextType>;
  toolCalls?: Resolver<Array<ResolversTypes['ToolCall']>, ParentType, ContextType>;
  turnsSent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StreamEventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StreamEvent'] = ResolversParentTypes['StreamEvent']> = {
  __resolveType: TypeResolveFn<'StreamEnd' | 'StreamStart' | 'TextDelta' | 'ToolUseDelta', ParentType, ContextType>;
};

export type StreamStartResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StreamStart'] = ResolversParentTypes['StreamStart']> = {
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  batchJobProgress?: SubscriptionResolver<ResolversTypes['BatchJob'], "batchJobProgress", ParentType, ContextType, RequireFields<SubscriptionBatchJobProgressArgs, 'id'>>;
  customizationJobProgress?: SubscriptionResolver<ResolversTypes['CustomizationJob'], "customizationJobProgress", ParentType, ContextType, RequireFields<SubscriptionCustomizationJobProgressArgs, 'id'>>;
  invokeAgentStream?: SubscriptionResolver<ResolversTypes['AgentEvent'], "invokeAgentStream", ParentType, ContextType, RequireFields<SubscriptionInvokeAgentStreamArgs, 'input'>>;
  invokeStream?: SubscriptionResolver<ResolversTypes['StreamEvent'], "invokeStream", ParentType, ContextType, RequireFields<SubscriptionInvokeStreamArgs, 'input'>>;
  sendMessageStream?: SubscriptionResolver<ResolversTypes['StreamEvent'], "sendMessageStream", ParentType, ContextType, RequireFields<SubscriptionSendMessageStreamArgs, 'content' | 'conversationId'>>;
};

export type TextDeltaResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TextDelta'] = ResolversParentTypes['TextDelta']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ToolCallResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ToolCall'] = ResolversParentTypes['ToolCall']> = {
  input?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toolUseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ToolChoiceModeResolvers = { ANY: 'any', AUTO: 'auto', TOOL: 'tool' };

export type ToolUseDeltaResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ToolUseDelta'] = ResolversParentTypes['ToolUseDelta']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inputJson?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toolUseId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UsageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Usage'] = ResolversParentTypes['Usage']> = {
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UsageRowResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UsageRow'] = ResolversParentTypes['UsageRow']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AgentChunk?: AgentChunkResolvers<ContextType>;
  AgentEnd?: AgentEndResolvers<ContextType>;
  AgentEvent?: AgentEventResolvers<ContextType>;
  AgentResult?: AgentResultResolvers<ContextType>;
  AgentTrace?: AgentTraceResolvers<ContextType>;
  AgreementAcceptance?: AgreementAcceptanceResolvers<ContextType>;
  AgreementOffer?: AgreementOfferResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditPage?: AuditPageResolvers<ContextType>;
  BatchJob?: BatchJobResolvers<ContextType>;
  BatchRecordResult?: BatchRecordResultResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  CommitmentDuration?: CommitmentDurationResolvers;
  Conversation?: ConversationResolvers<ContextType>;
  Cost?: CostResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  CustomModel?: CustomModelResolvers<ContextType>;
  CustomizationJob?: CustomizationJobResolvers<ContextType>;
  EmbedInputType?: EmbedInputTypeResolvers;
  EmbedResult?: EmbedResultResolvers<ContextType>;
  Embedding?: EmbeddingResolvers<ContextType>;
  FoundationModel?: FoundationModelResolvers<ContextType>;
  GeneratedImage?: GeneratedImageResolvers<ContextType>;
  ImageFormat?: ImageFormatResolvers;
  ImageResult?: ImageResultResolvers<ContextType>;
  InferenceProfile?: InferenceProfileResolvers<ContextType>;
  InvokeResult?: InvokeResultResolvers<ContextType>;
  ItemError?: ItemErrorResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  MessageStatus?: MessageStatusResolvers;
  ModelPricing?: ModelPricingResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProvisionedThroughput?: ProvisionedThroughputResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RetrievalResult?: RetrievalResultResolvers<ContextType>;
  RetrieveAndGenerateResult?: RetrieveAndGenerateResultResolvers<ContextType>;
  ReturnControl?: ReturnControlResolvers<ContextType>;
  Role?: RoleResolvers;
  StopReason?: StopReasonResolvers;
  StreamEnd?: StreamEndResolvers<ContextType>;
  StreamEvent?: StreamEventResolvers<ContextType>;
  StreamStart?: StreamStartResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TextDelta?: TextDeltaResolvers<ContextType>;
  ToolCall?: ToolCallResolvers<ContextType>;
  ToolChoiceMode?: ToolChoiceModeResolvers;
  ToolUseDelta?: ToolUseDeltaResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
  UsageRow?: UsageRowResolvers<ContextType>;
};

