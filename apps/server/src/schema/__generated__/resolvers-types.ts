import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ModelView } from '../../models/model-view.js';
import type { EmbeddingView } from '../../mapping/embedding-view.js';
import type { GatewayStreamEvent, StreamStartEvent, TextDeltaEvent, ToolUseDeltaEvent, StreamEndEvent } from '../../streaming/gateway-stream-event.js';
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

export type AgreementAcceptance = {
  __typename?: 'AgreementAcceptance';
  accepted: Scalars['Boolean']['output'];
  modelId: Scalars['ID']['output'];
};

export type AgreementOffer = {
  __typename?: 'AgreementOffer';
  legalTermUrl: Maybe<Scalars['String']['output']>;
  offerId: Maybe<Scalars['String']['output']>;
  offerToken: Scalars['String']['output'];
  /** Rate-card lines, e.g. `input tokens: 0.00025 USD`. */
  rateCard: Array<Scalars['String']['output']>;
};

export type BatchJob = {
  __typename?: 'BatchJob';
  endTime: Maybe<Scalars['String']['output']>;
  inputS3Uri: Maybe<Scalars['String']['output']>;
  jobArn: Scalars['ID']['output'];
  jobName: Scalars['String']['output'];
  lastModifiedTime: Maybe<Scalars['String']['output']>;
  message: Maybe<Scalars['String']['output']>;
  modelId: Scalars['String']['output'];
  outputS3Uri: Maybe<Scalars['String']['output']>;
  /** Submitted, Validating, Scheduled, InProgress, Completed, PartiallyCompleted, Failed, Stopping, Stopped or Expired. */
  status: Scalars['String']['output'];
  submitTime: Scalars['String']['output'];
};

export type CommitmentDuration =
  | 'OneMonth'
  | 'SixMonths';

/** What a call cost at the catalog's approximate on-demand list prices. */
export type Cost = {
  __typename?: 'Cost';
  inputUsd: Scalars['Float']['output'];
  outputUsd: Scalars['Float']['output'];
  /** False when Quarry has no price for this model; the amounts are then 0, not free. */
  priced: Scalars['Boolean']['output'];
  totalUsd: Scalars['Float']['output'];
};

export type CreateBatchJobInput = {
  inputS3Uri: Scalars['String']['input'];
  jobName: Scalars['String']['input'];
  modelId: Scalars['ID']['input'];
  outputS3Uri: Scalars['String']['input'];
  roleArn: Scalars['String']['input'];
  timeoutDurationInHours?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateCustomizationJobInput = {
  baseModelId: Scalars['ID']['input'];
  customModelName: Scalars['String']['input'];
  customizationType?: InputMaybe<CustomizationType>;
  /** String-valued hyperparameters, e.g. {"epochCount": "2"}. */
  hyperParameters?: InputMaybe<Scalars['JSON']['input']>;
  jobName: Scalars['String']['input'];
  outputDataS3Uri: Scalars['String']['input'];
  /** IAM role Bedrock assumes to read the data and write the output. */
  roleArn: Scalars['String']['input'];
  trainingDataS3Uri: Scalars['String']['input'];
  validationDataS3Uri?: InputMaybe<Scalars['String']['input']>;
};

export type CreateProvisionedThroughputInput = {
  /** Omit for no-commitment (hourly) throughput. */
  commitmentDuration?: InputMaybe<CommitmentDuration>;
  /** A foundation model that supports PROVISIONED, or a custom model ARN. */
  modelId: Scalars['ID']['input'];
  modelUnits: Scalars['Int']['input'];
  provisionedModelName: Scalars['String']['input'];
};

export type CustomModel = {
  __typename?: 'CustomModel';
  baseModelArn: Maybe<Scalars['String']['output']>;
  baseModelId: Maybe<Scalars['String']['output']>;
  creationTime: Scalars['String']['output'];
  customizationType: Maybe<Scalars['String']['output']>;
  modelArn: Scalars['ID']['output'];
  modelName: Scalars['String']['output'];
  status: Maybe<Scalars['String']['output']>;
};

export type CustomizationJob = {
  __typename?: 'CustomizationJob';
  baseModelArn: Maybe<Scalars['String']['output']>;
  creationTime: Scalars['String']['output'];
  customModelArn: Maybe<Scalars['String']['output']>;
  customModelName: Maybe<Scalars['String']['output']>;
  customizationType: Maybe<Scalars['String']['output']>;
  endTime: Maybe<Scalars['String']['output']>;
  failureMessage: Maybe<Scalars['String']['output']>;
  jobArn: Scalars['ID']['output'];
  jobName: Scalars['String']['output'];
  lastModifiedTime: Maybe<Scalars['String']['output']>;
  /** InProgress, Completed, Failed, Stopping or Stopped. */
  status: Scalars['String']['output'];
};

export type CustomizationType =
  | 'CONTINUED_PRE_TRAINING'
  | 'DISTILLATION'
  | 'FINE_TUNING';

export type EmbedInput = {
  /** One of the model's embeddingDimensions. */
  dimensions?: InputMaybe<Scalars['Int']['input']>;
  inputType?: InputMaybe<EmbedInputType>;
  modelId: Scalars['ID']['input'];
  /** Unit-length vectors. */
  normalize?: InputMaybe<Scalars['Boolean']['input']>;
  texts: Array<Scalars['String']['input']>;
};

/** Cohere's input_type: how the embedding will be used. */
export type EmbedInputType =
  | 'classification'
  | 'clustering'
  | 'search_document'
  | 'search_query';

export type EmbedResult = {
  __typename?: 'EmbedResult';
  cost: Cost;
  /** One per input text, in input order. */
  embeddings: Array<Embedding>;
  latencyMs: Scalars['Float']['output'];
  modelId: Scalars['ID']['output'];
  usage: Usage;
};

export type Embedding = {
  __typename?: 'Embedding';
  /** The vector as little-endian float32 bytes, base64-encoded: 4 bytes a value and cheap to serialise. */
  base64: Scalars['String']['output'];
  dimensions: Scalars['Int']['output'];
  /** Why this text failed; null on success. */
  error: Maybe<ItemError>;
  index: Scalars['Int']['output'];
  /** The vector; empty when `error` is set. Prefer `base64` for large batches. */
  values: Array<Scalars['Float']['output']>;
};

export type FoundationModel = {
  __typename?: 'FoundationModel';
  /** Whether the upstream serves the model in this gateway's region (ListFoundationModels lists it). */
  available: Scalars['Boolean']['output'];
  contextWindow: Maybe<Scalars['Int']['output']>;
  customizationsSupported: Array<CustomizationType>;
  /** Why the model is deprecated and what to use instead. */
  deprecationReason: Maybe<Scalars['String']['output']>;
  /** Allowed embedding sizes, default first (embedding models). */
  embeddingDimensions: Maybe<Array<Scalars['Int']['output']>>;
  /** Quarry's codec family (anthropic-messages, titan-text, nova, llama3, …); null for models Quarry has no codec for. */
  family: Maybe<Scalars['String']['output']>;
  /** Cross-region inference profiles that serve the model. */
  inferenceProfiles: Array<InferenceProfile>;
  inferenceTypesSupported: Array<InferenceType>;
  inputModalities: Array<Modality>;
  /** True for LEGACY models: they still work but are being retired. */
  isDeprecated: Scalars['Boolean']['output'];
  /** ACTIVE or LEGACY. */
  lifecycleStatus: Scalars['String']['output'];
  maxOutputTokens: Maybe<Scalars['Int']['output']>;
  modelArn: Scalars['String']['output'];
  modelId: Scalars['ID']['output'];
  modelName: Scalars['String']['output'];
  outputModalities: Array<Modality>;
  pricing: Maybe<ModelPricing>;
  providerName: Scalars['String']['output'];
  /** Regions the catalog knows the model in. */
  regions: Array<Scalars['String']['output']>;
  requiresAgreement: Scalars['Boolean']['output'];
  responseStreamingSupported: Scalars['Boolean']['output'];
  toolUse: Scalars['Boolean']['output'];
};

export type GeneratedImage = {
  __typename?: 'GeneratedImage';
  /** Base64-encoded image bytes. */
  base64: Scalars['String']['output'];
  mimeType: Scalars['String']['output'];
  seed: Maybe<Scalars['Float']['output']>;
};

export type ImageFormat =
  | 'gif'
  | 'jpeg'
  | 'png'
  | 'webp';

export type ImageInput = {
  cfgScale?: InputMaybe<Scalars['Float']['input']>;
  /** Images to generate (1–5 where the family allows more than one). */
  count?: InputMaybe<Scalars['Int']['input']>;
  height?: InputMaybe<Scalars['Int']['input']>;
  modelId: Scalars['ID']['input'];
  negativePrompt?: InputMaybe<Scalars['String']['input']>;
  prompt: Scalars['String']['input'];
  /** 0–2147483646 for Titan and Nova Canvas. */
  seed?: InputMaybe<Scalars['Float']['input']>;
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type ImagePartInput = {
  /** Standard base64 bytes, no data-URL prefix. */
  base64: Scalars['String']['input'];
  format: ImageFormat;
};

export type ImageResult = {
  __typename?: 'ImageResult';
  cost: Cost;
  images: Array<GeneratedImage>;
  latencyMs: Scalars['Float']['output'];
  modelId: Scalars['ID']['output'];
};

export type InferenceProfile = {
  __typename?: 'InferenceProfile';
  description: Maybe<Scalars['String']['output']>;
  inferenceProfileArn: Scalars['String']['output'];
  inferenceProfileId: Scalars['ID']['output'];
  inferenceProfileName: Scalars['String']['output'];
  /** Foundation-model ARNs the profile routes to. */
  modelArns: Array<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  /** SYSTEM_DEFINED or APPLICATION. */
  type: Scalars['String']['output'];
};

/** ON_DEMAND in-region; PROVISIONED through provisioned throughput; INFERENCE_PROFILE only through a cross-region profile. */
export type InferenceType =
  | 'INFERENCE_PROFILE'
  | 'ON_DEMAND'
  | 'PROVISIONED';

export type InvokeInput = {
  /** Upper bound on generated tokens; must not exceed the model's maxOutputTokens. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** The conversation, starting with a USER turn and alternating. Give `messages` or `prompt`. */
  messages?: InputMaybe<Array<MessageInput>>;
  /** Base model ID, inference-profile ID or ARN (provisioned throughput, application profile, custom model). */
  modelId: Scalars['ID']['input'];
  /** Shorthand for a single USER message. */
  prompt?: InputMaybe<Scalars['String']['input']>;
  stopSequences?: InputMaybe<Array<Scalars['String']['input']>>;
  system?: InputMaybe<Scalars['String']['input']>;
  temperature?: InputMaybe<Scalars['Float']['input']>;
  toolChoice?: InputMaybe<ToolChoiceInput>;
  /** Tools the model may call (families with tool support only). */
  tools?: InputMaybe<Array<ToolInput>>;
  topP?: InputMaybe<Scalars['Float']['input']>;
};

export type InvokeResult = {
  __typename?: 'InvokeResult';
  /** The catalog model it resolved to. */
  baseModelId: Scalars['ID']['output'];
  cost: Cost;
  /** Wall time of the whole call, including retries. */
  latencyMs: Scalars['Float']['output'];
  /** The model ID as requested. */
  modelId: Scalars['ID']['output'];
  /** The family's own stop value (FINISH, stop, COMPLETE, …). */
  rawStopReason: Scalars['String']['output'];
  /** Bedrock's request ID, for support tickets. */
  requestId: Maybe<Scalars['String']['output']>;
  stopReason: StopReason;
  text: Scalars['String']['output'];
  toolCalls: Array<ToolCall>;
  usage: Usage;
};

/** A failure of one item in a batch. */
export type ItemError = {
  __typename?: 'ItemError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type MessageInput = {
  /** The turn's text; may be empty when the turn carries only tool results or images. */
  content: Scalars['String']['input'];
  /** Images for models whose inputModalities include IMAGE. */
  images?: InputMaybe<Array<ImagePartInput>>;
  role: Role;
  /** Results of the previous turn's tool calls (USER turns). */
  toolResults?: InputMaybe<Array<ToolResultInput>>;
  /** Tool calls an ASSISTANT turn made (echo them back from a previous result). */
  toolUses?: InputMaybe<Array<ToolUseInput>>;
};

export type Modality =
  | 'EMBEDDING'
  | 'IMAGE'
  | 'TEXT'
  | 'VIDEO';

export type ModelFilter = {
  inferenceType?: InputMaybe<InferenceType>;
  inputModality?: InputMaybe<Modality>;
  outputModality?: InputMaybe<Modality>;
  /** Provider name or ID prefix, case-insensitive: `anthropic`, `Anthropic`, `meta`. */
  provider?: InputMaybe<Scalars['String']['input']>;
  /** Only models that can (true) or cannot (false) stream. */
  streaming?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Per-model prices in USD (approximate on-demand list prices). */
export type ModelPricing = {
  __typename?: 'ModelPricing';
  inputPer1k: Maybe<Scalars['Float']['output']>;
  outputPer1k: Maybe<Scalars['Float']['output']>;
  perImage: Maybe<Scalars['Float']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts a model's agreement offer (CreateFoundationModelAgreement) so the model can be invoked. */
  acceptAgreement: AgreementAcceptance;
  /** Starts a batch inference job over JSONL records in S3. */
  createBatchJob: BatchJob;
  createModelCustomizationJob: CustomizationJob;
  createProvisionedThroughput: ProvisionedThroughput;
  /** Embeds many texts; each text gets its own result, so one failure never loses the others. */
  embed: EmbedResult;
  generateImage: ImageResult;
  /** Generates text with any text model family; validated against the model's limits before any upstream call. */
  invoke: InvokeResult;
  /** Sends the family's native body as is and returns the native response body. */
  invokeRaw: Scalars['JSON']['output'];
};


export type MutationAcceptAgreementArgs = {
  modelId: Scalars['ID']['input'];
  offerToken: Scalars['String']['input'];
};


export type MutationCreateBatchJobArgs = {
  input: CreateBatchJobInput;
};


export type MutationCreateModelCustomizationJobArgs = {
  input: CreateCustomizationJobInput;
};


export type MutationCreateProvisionedThroughputArgs = {
  input: CreateProvisionedThroughputInput;
};


export type MutationEmbedArgs = {
  input: EmbedInput;
};


export type MutationGenerateImageArgs = {
  input: ImageInput;
};


export type MutationInvokeArgs = {
  input: InvokeInput;
};


export type MutationInvokeRawArgs = {
  body: Scalars['JSON']['input'];
  modelId: Scalars['ID']['input'];
};

export type ProvisionedThroughput = {
  __typename?: 'ProvisionedThroughput';
  commitmentDuration: Maybe<Scalars['String']['output']>;
  creationTime: Scalars['String']['output'];
  foundationModelArn: Maybe<Scalars['String']['output']>;
  modelArn: Scalars['String']['output'];
  modelUnits: Scalars['Int']['output'];
  provisionedModelArn: Scalars['ID']['output'];
  provisionedModelName: Scalars['String']['output'];
  /** Creating, InService, Updating or Failed. */
  status: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The agreement (EULA) offers of a model that needs one before first use; empty when none is needed. */
  agreementOffers: Array<AgreementOffer>;
  /** Batch inference jobs (CreateModelInvocationJob). */
  batchJobs: Array<BatchJob>;
  /** Models produced by customization jobs. */
  customModels: Array<CustomModel>;
  customizationJobs: Array<CustomizationJob>;
  /** System-defined (cross-region) and application inference profiles. */
  inferenceProfiles: Array<InferenceProfile>;
  /** One model by base ID, inference-profile ID (us./eu./apac./global.) or ARN; null when unknown. */
  model: Maybe<FoundationModel>;
  /**
   * Foundation models available to this gateway's upstream in its region, joined with Quarry's
   * catalog (limits, prices, inference profiles). Filters combine with AND.
   */
  models: Array<FoundationModel>;
  provisionedThroughputs: Array<ProvisionedThroughput>;
};


export type QueryAgreementOffersArgs = {
  modelId: Scalars['ID']['input'];
};


export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


export type QueryModelsArgs = {
  filter?: InputMaybe<ModelFilter>;
};

/** A chat turn's author. */
export type Role =
  | 'assistant'
  | 'user';

/** Why generation stopped, the same for every family. */
export type StopReason =
  | 'content_filtered'
  | 'end_turn'
  | 'guardrail_intervened'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use';

export type StreamEnd = {
  __typename?: 'StreamEnd';
  cost: Cost;
  /** Time from the subscription's start to the last event. */
  latencyMs: Scalars['Float']['output'];
  rawStopReason: Scalars['String']['output'];
  stopReason: StopReason;
  /** Tool calls assembled from the deltas, with parsed input. */
  toolCalls: Array<ToolCall>;
  usage: Usage;
};

export type StreamEvent = StreamEnd | StreamStart | TextDelta | ToolUseDelta;

export type StreamStart = {
  __typename?: 'StreamStart';
  modelId: Scalars['ID']['output'];
  requestId: Maybe<Scalars['String']['output']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Streams a generation as typed events while tokens arrive: one StreamStart, then TextDelta and
   * ToolUseDelta events, then one StreamEnd with the stop reason, usage and assembled tool calls.
   * Completing the subscription cancels the upstream call at once.
   */
  invokeStream: StreamEvent;
};


export type SubscriptionInvokeStreamArgs = {
  input: InvokeInput;
};

export type TextDelta = {
  __typename?: 'TextDelta';
  /** Content block index. */
  index: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

/** A complete tool call the model requested; `input` is parsed JSON. */
export type ToolCall = {
  __typename?: 'ToolCall';
  input: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
  toolUseId: Scalars['ID']['output'];
};

export type ToolChoiceInput = {
  mode: ToolChoiceMode;
  /** Required when mode is TOOL. */
  name?: InputMaybe<Scalars['String']['input']>;
};

export type ToolChoiceMode =
  /** The model must call some tool. */
  | 'any'
  /** The model decides whether to call a tool. */
  | 'auto'
  /** The model must call the tool named in `name`. */
  | 'tool';

export type ToolInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** JSON Schema of the tool's input object. */
  inputSchema: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
};

export type ToolResultInput = {
  /** The tool's output as text (JSON-encode structured results). */
  content: Scalars['String']['input'];
  isError?: InputMaybe<Scalars['Boolean']['input']>;
  toolUseId: Scalars['ID']['input'];
};

/** A fragment of a tool call's JSON input; concatenate the fragments of one index. */
export type ToolUseDelta = {
  __typename?: 'ToolUseDelta';
  index: Scalars['Int']['output'];
  inputJson: Scalars['String']['output'];
  name: Scalars['String']['output'];
  toolUseId: Scalars['String']['output'];
};

export type ToolUseInput = {
  input: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
  toolUseId: Scalars['ID']['input'];
};

export type Usage = {
  __typename?: 'Usage';
  inputTokens: Scalars['Int']['output'];
  outputTokens: Scalars['Int']['output'];
  totalTokens: Scalars['Int']['output'];
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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AgreementAcceptance: ResolverTypeWrapper<AgreementAcceptance>;
  AgreementOffer: ResolverTypeWrapper<AgreementOffer>;
  BatchJob: ResolverTypeWrapper<BatchJob>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CommitmentDuration: null;
  Cost: ResolverTypeWrapper<Cost>;
  CreateBatchJobInput: CreateBatchJobInput;
  CreateCustomizationJobInput: CreateCustomizationJobInput;
  CreateProvisionedThroughputInput: CreateProvisionedThroughputInput;
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
  InvokeInput: InvokeInput;
  InvokeResult: ResolverTypeWrapper<InvokeResult>;
  ItemError: ResolverTypeWrapper<ItemError>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MessageInput: MessageInput;
  Modality: Modality;
  ModelFilter: ModelFilter;
  ModelPricing: ResolverTypeWrapper<ModelPricing>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProvisionedThroughput: ResolverTypeWrapper<ProvisionedThroughput>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  Usage: ResolverTypeWrapper<Usage>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AgreementAcceptance: AgreementAcceptance;
  AgreementOffer: AgreementOffer;
  BatchJob: BatchJob;
  Boolean: Scalars['Boolean']['output'];
  Cost: Cost;
  CreateBatchJobInput: CreateBatchJobInput;
  CreateCustomizationJobInput: CreateCustomizationJobInput;
  CreateProvisionedThroughputInput: CreateProvisionedThroughputInput;
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
  InvokeInput: InvokeInput;
  InvokeResult: InvokeResult;
  ItemError: ItemError;
  JSON: Scalars['JSON']['output'];
  MessageInput: MessageInput;
  ModelFilter: ModelFilter;
  ModelPricing: ModelPricing;
  Mutation: Record<PropertyKey, never>;
  ProvisionedThroughput: ProvisionedThroughput;
  Query: Record<PropertyKey, never>;
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
  Usage: Usage;
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

export type BatchJobResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BatchJob'] = ResolversParentTypes['BatchJob']> = {
  endTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inputS3Uri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jobArn?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastModifiedTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputS3Uri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  submitTime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CommitmentDurationResolvers = { ONE_MONTH: 'OneMonth', SIX_MONTHS: 'SixMonths' };

export type CostResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Cost'] = ResolversParentTypes['Cost']> = {
  inputUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outputUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  priced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type ModelPricingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelPricing'] = ResolversParentTypes['ModelPricing']> = {
  inputPer1k?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outputPer1k?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  perImage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptAgreement?: Resolver<ResolversTypes['AgreementAcceptance'], ParentType, ContextType, RequireFields<MutationAcceptAgreementArgs, 'modelId' | 'offerToken'>>;
  createBatchJob?: Resolver<ResolversTypes['BatchJob'], ParentType, ContextType, RequireFields<MutationCreateBatchJobArgs, 'input'>>;
  createModelCustomizationJob?: Resolver<ResolversTypes['CustomizationJob'], ParentType, ContextType, RequireFields<MutationCreateModelCustomizationJobArgs, 'input'>>;
  createProvisionedThroughput?: Resolver<ResolversTypes['ProvisionedThroughput'], ParentType, ContextType, RequireFields<MutationCreateProvisionedThroughputArgs, 'input'>>;
  embed?: Resolver<ResolversTypes['EmbedResult'], ParentType, ContextType, RequireFields<MutationEmbedArgs, 'input'>>;
  generateImage?: Resolver<ResolversTypes['ImageResult'], ParentType, ContextType, RequireFields<MutationGenerateImageArgs, 'input'>>;
  invoke?: Resolver<ResolversTypes['InvokeResult'], ParentType, ContextType, RequireFields<MutationInvokeArgs, 'input'>>;
  invokeRaw?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<MutationInvokeRawArgs, 'body' | 'modelId'>>;
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
  batchJobs?: Resolver<Array<ResolversTypes['BatchJob']>, ParentType, ContextType>;
  customModels?: Resolver<Array<ResolversTypes['CustomModel']>, ParentType, ContextType>;
  customizationJobs?: Resolver<Array<ResolversTypes['CustomizationJob']>, ParentType, ContextType>;
  inferenceProfiles?: Resolver<Array<ResolversTypes['InferenceProfile']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['FoundationModel']>, ParentType, ContextType, RequireFields<QueryModelArgs, 'id'>>;
  models?: Resolver<Array<ResolversTypes['FoundationModel']>, ParentType, ContextType, Partial<QueryModelsArgs>>;
  provisionedThroughputs?: Resolver<Array<ResolversTypes['ProvisionedThroughput']>, ParentType, ContextType>;
};

export type RoleResolvers = { ASSISTANT: 'assistant', USER: 'user' };

export type StopReasonResolvers = { CONTENT_FILTERED: 'content_filtered', END_TURN: 'end_turn', GUARDRAIL_INTERVENED: 'guardrail_intervened', MAX_TOKENS: 'max_tokens', STOP_SEQUENCE: 'stop_sequence', TOOL_USE: 'tool_use' };

export type StreamEndResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StreamEnd'] = ResolversParentTypes['StreamEnd']> = {
  cost?: Resolver<ResolversTypes['Cost'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rawStopReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stopReason?: Resolver<ResolversTypes['StopReason'], ParentType, ContextType>;
  toolCalls?: Resolver<Array<ResolversTypes['ToolCall']>, ParentType, ContextType>;
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
  invokeStream?: SubscriptionResolver<ResolversTypes['StreamEvent'], "invokeStream", ParentType, ContextType, RequireFields<SubscriptionInvokeStreamArgs, 'input'>>;
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

export type Resolvers<ContextType = GatewayContext> = {
  AgreementAcceptance?: AgreementAcceptanceResolvers<ContextType>;
  AgreementOffer?: AgreementOfferResolvers<ContextType>;
  BatchJob?: BatchJobResolvers<ContextType>;
  CommitmentDuration?: CommitmentDurationResolvers;
  Cost?: CostResolvers<ContextType>;
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
  ModelPricing?: ModelPricingResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProvisionedThroughput?: ProvisionedThroughputResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
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
};

