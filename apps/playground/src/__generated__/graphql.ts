/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A new conversation's model and settings. */
export type CreateConversationInput = {
  /** Upper bound on generated tokens per answer; omitted: the family's default. */
  maxTokens?: number | null | undefined;
  /** Any text model: base model ID, inference-profile ID or ARN. */
  modelId: string;
  /** System prompt, kept on every turn (history trimming never drops it). */
  system?: string | null | undefined;
  /** Sampling temperature for every answer; omitted: the family's default. */
  temperature?: number | null | undefined;
  /** A title for lists. */
  title?: string | null | undefined;
  /** Whether and which tool the model must call; omitted means AUTO. */
  toolChoice?: ToolChoiceInput | null | undefined;
  /** Tools the model may call in this conversation. */
  tools?: Array<ToolInput> | null | undefined;
};

/** An embedding request. */
export type EmbedInput = {
  /** One of the model's embeddingDimensions; omitted: the model's default (the first). */
  dimensions?: number | null | undefined;
  /** How the embeddings will be used (Cohere only; others ignore it). Default SEARCH_DOCUMENT. */
  inputType?: EmbedInputType | null | undefined;
  /** An embedding model: Titan Text Embeddings v1/v2, Titan Multimodal Embeddings, Cohere Embed v3. */
  modelId: string;
  /**
   * Unit-length vectors. Titan Text Embeddings v2 normalises natively (and by default); for other
   * models Quarry normalises float vectors itself when true.
   */
  normalize?: boolean | null | undefined;
  /**
   * Texts to embed, at least one, each non-empty. At most 50,000 characters each on Titan Text
   * Embeddings v2 and 2,048 on Cohere; a text that breaks a limit fails only its own item.
   */
  texts: Array<string>;
};

/** Cohere's input_type: how the embedding will be used. */
export type EmbedInputType =
  /** Texts to feed a classifier. */
  | 'CLASSIFICATION'
  /** Texts to cluster. */
  | 'CLUSTERING'
  /** Documents to store in a search index (Cohere's default). */
  | 'SEARCH_DOCUMENT'
  /** Queries to search such an index with. */
  | 'SEARCH_QUERY';

/** A text-to-image request for Titan Image Generator, Nova Canvas or Stability models. */
export type ImageInput = {
  /**
   * How closely the image follows the prompt: 1.1–10 for Titan Image and Nova Canvas (defaults 8
   * and 6.5), 0–35 for SDXL; SD3/Stable Image models take none.
   */
  cfgScale?: number | null | undefined;
  /** Images to generate (1–5 where the family allows more than one: Titan Image and Nova Canvas). Stability models make 1. Default 1. */
  count?: number | null | undefined;
  /** Height in pixels; see `width` for the sizes each family accepts. */
  height?: number | null | undefined;
  /** An image model: Titan Image Generator v1/v2, Nova Canvas, SDXL 1.0, SD3/SD3.5 Large, Stable Image Core/Ultra. */
  modelId: string;
  /** What to keep out of the image; not empty when given, same length limits as `prompt`. */
  negativePrompt?: string | null | undefined;
  /** What to draw. At most 512 characters for Titan Image, 1,024 for Nova Canvas, 2,000 for SDXL, 10,000 for SD3/Stable Image. */
  prompt: string;
  /**
   * Integer seed for reproducible images; omitted: random. 0–2147483646 for Titan Image,
   * 0–858993459 for Nova Canvas, 0–4294967295 for Stability models (hence Float, not Int).
   */
  seed?: number | null | undefined;
  /**
   * Width in pixels; give width and height together, or neither for the model's default (1024x1024
   * on Titan Image and Nova Canvas). Titan Image and SDXL accept a fixed list of sizes; Nova Canvas
   * any multiple of 16 from 320 to 4096, aspect ratio at most 4:1 and at most 2048x2048 pixels in all;
   * SD3/Stable Image map the pair to an aspect ratio (1:1, 16:9, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21).
   */
  width?: number | null | undefined;
};

/** ON_DEMAND in-region; PROVISIONED through provisioned throughput; INFERENCE_PROFILE only through a cross-region profile. */
export type InferenceType =
  /** On demand only through a cross-region inference profile ID (`us.…`, `eu.…`, `global.…`), not the base model ID. */
  | 'INFERENCE_PROFILE'
  /** Pay per token (or image), called in-region with the base model ID. */
  | 'ON_DEMAND'
  /** Served through purchased Provisioned Throughput (call it with the provisioned model ARN). */
  | 'PROVISIONED';

/** Whether a message is whole. */
export type MessageStatus =
  /** The whole turn. */
  | 'COMPLETE'
  /** An answer cut short (client left, upstream failure, crash): `content` is the text received before. */
  | 'INTERRUPTED'
  /** An answer being generated right now. */
  | 'STREAMING';

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

/** A chat turn's author. */
export type Role =
  /** The model: its earlier answers and tool calls. */
  | 'ASSISTANT'
  /** The caller: prompts, images and tool results. */
  | 'USER';

/** Why generation stopped, the same for every family. */
export type StopReason =
  /** The model's own content filter or a refusal stopped the output. */
  | 'CONTENT_FILTERED'
  /** The model finished its answer. */
  | 'END_TURN'
  /** A Bedrock guardrail blocked or changed the output. */
  | 'GUARDRAIL_INTERVENED'
  /** Output reached `maxTokens` (or the family's default limit); the text is cut off. */
  | 'MAX_TOKENS'
  /** The model generated one of `stopSequences`. */
  | 'STOP_SEQUENCE'
  /** The model stopped to call tools; see `toolCalls`. */
  | 'TOOL_USE';

/** Whether and which tool the model must call. AI21 Jamba and Cohere Command R accept only AUTO. */
export type ToolChoiceInput = {
  /** AUTO, ANY or TOOL. */
  mode: ToolChoiceMode;
  /** Required when mode is TOOL: the name of one of `tools`. */
  name?: string | null | undefined;
};

/** Whether and which tool the model must call. */
export type ToolChoiceMode =
  /** The model must call some tool. */
  | 'ANY'
  /** The model decides whether to call a tool. */
  | 'AUTO'
  /** The model must call the tool named in `name`. */
  | 'TOOL';

/** A tool the model may call. */
export type ToolInput = {
  /** What the tool does and when to use it; the model reads it to decide. */
  description?: string | null | undefined;
  /** JSON Schema of the tool's input object. */
  inputSchema: unknown;
  /** Unique tool name: 1–64 letters, digits, _ or -. */
  name: string;
};

/** The result of running a tool call, sent back in a USER turn. */
export type ToolResultInput = {
  /** The tool's output as text (JSON-encode structured results). */
  content: string;
  /** True when the tool failed and `content` describes the error; default false. */
  isError?: boolean | null | undefined;
  /** ID of the tool call this answers (`ToolCall.toolUseId`). */
  toolUseId: string;
};

/** Changes to a conversation; omitted fields stay as they are. */
export type UpdateConversationInput = {
  /** New upper bound on generated tokens per answer. */
  maxTokens?: number | null | undefined;
  /** Switch to another model, of any text family; later turns use it. */
  modelId?: string | null | undefined;
  /** New system prompt. */
  system?: string | null | undefined;
  /** New sampling temperature. */
  temperature?: number | null | undefined;
  /** New title. */
  title?: string | null | undefined;
};

export type PlaygroundModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
}>;


export type PlaygroundModelsQuery = { models: Array<{ modelId: string, modelName: string, providerName: string, family: string | null, inputModalities: Array<Modality>, outputModalities: Array<Modality>, responseStreamingSupported: boolean, inferenceTypesSupported: Array<InferenceType>, lifecycleStatus: string, isDeprecated: boolean, deprecationReason: string | null, contextWindow: number | null, maxOutputTokens: number | null, embeddingDimensions: Array<number> | null, toolUse: boolean, requiresAgreement: boolean, regions: Array<string>, available: boolean, pricing: { inputPer1k: number | null, outputPer1k: number | null, perImage: number | null } | null, inferenceProfiles: Array<{ inferenceProfileId: string, type: string }> }> };

export type PlaygroundConversationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type PlaygroundConversationsQuery = { conversations: Array<{ id: string, title: string | null, modelId: string, updatedAt: string }> };

export type PlaygroundConversationQueryVariables = Exact<{
  id: string;
}>;


export type PlaygroundConversationQuery = { conversation: { id: string, title: string | null, modelId: string, system: string | null, maxTokens: number | null, temperature: number | null, messages: Array<{ id: string, role: Role, content: string, status: MessageStatus, modelId: string | null, stopReason: StopReason | null, errorCode: string | null, usage: { inputTokens: number, outputTokens: number, totalTokens: number } | null, cost: { totalUsd: number, priced: boolean } | null, toolCalls: Array<{ toolUseId: string, name: string, input: unknown }> }> } | null };

export type PlaygroundCreateConversationMutationVariables = Exact<{
  input: CreateConversationInput;
}>;


export type PlaygroundCreateConversationMutation = { createConversation: { id: string } };

export type PlaygroundUpdateConversationMutationVariables = Exact<{
  id: string;
  input: UpdateConversationInput;
}>;


export type PlaygroundUpdateConversationMutation = { updateConversation: { id: string, modelId: string } };

export type PlaygroundDeleteConversationMutationVariables = Exact<{
  id: string;
}>;


export type PlaygroundDeleteConversationMutation = { deleteConversation: boolean };

export type PlaygroundSendMessageStreamSubscriptionVariables = Exact<{
  conversationId: string;
  content: string;
  toolResults?: Array<ToolResultInput> | ToolResultInput | null | undefined;
}>;


export type PlaygroundSendMessageStreamSubscription = { sendMessageStream:
    | { __typename: 'StreamEnd', stopReason: StopReason, latencyMs: number, messageId: string | null, turnsSent: number | null, usage: { inputTokens: number, outputTokens: number, totalTokens: number }, cost: { totalUsd: number, priced: boolean }, toolCalls: Array<{ toolUseId: string, name: string, input: unknown }> }
    | { __typename: 'StreamStart', modelId: string, requestId: string | null }
    | { __typename: 'TextDelta', index: number, text: string }
    | { __typename: 'ToolUseDelta', index: number, toolUseId: string, name: string, inputJson: string }
   };

export type PlaygroundEmbedMutationVariables = Exact<{
  input: EmbedInput;
}>;


export type PlaygroundEmbedMutation = { embed: { latencyMs: number, usage: { inputTokens: number }, cost: { totalUsd: number, priced: boolean }, embeddings: Array<{ index: number, values: Array<number>, dimensions: number, error: { code: string, message: string } | null }> } };

export type PlaygroundGenerateImageMutationVariables = Exact<{
  input: ImageInput;
}>;


export type PlaygroundGenerateImageMutation = { generateImage: { latencyMs: number, cost: { totalUsd: number, priced: boolean }, images: Array<{ base64: string, mimeType: string, seed: number | null }> } };

export type PlaygroundMeQueryVariables = Exact<{
  from?: string | null | undefined;
}>;


export type PlaygroundMeQuery = { me: { id: string, name: string, prefix: string, models: Array<string> | null, operations: Array<Operation>, requestsPerMinute: number | null, tokensPerMinute: number | null, monthlyBudgetUsd: number | null, spentUsd: number, createdAt: string, expiresAt: string | null }, usage: Array<{ modelId: string, day: string, calls: number, inputTokens: number, outputTokens: number, costUsd: number }> };

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
export const PlaygroundConversationsDocument = new TypedDocumentString(`
    query PlaygroundConversations($first: Int) {
  conversations(first: $first) {
    id
    title
    modelId
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<PlaygroundConversationsQuery, PlaygroundConversationsQueryVariables>;
export const PlaygroundConversationDocument = new TypedDocumentString(`
    query PlaygroundConversation($id: ID!) {
  conversation(id: $id) {
    id
    title
    modelId
    system
    maxTokens
    temperature
    messages {
      id
      role
      content
      status
      modelId
      stopReason
      errorCode
      usage {
        inputTokens
        outputTokens
        totalTokens
      }
      cost {
        totalUsd
        priced
      }
      toolCalls {
        toolUseId
        name
        input
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundConversationQuery, PlaygroundConversationQueryVariables>;
export const PlaygroundCreateConversationDocument = new TypedDocumentString(`
    mutation PlaygroundCreateConversation($input: CreateConversationInput!) {
  createConversation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PlaygroundCreateConversationMutation, PlaygroundCreateConversationMutationVariables>;
export const PlaygroundUpdateConversationDocument = new TypedDocumentString(`
    mutation PlaygroundUpdateConversation($id: ID!, $input: UpdateConversationInput!) {
  updateConversation(id: $id, input: $input) {
    id
    modelId
  }
}
    `) as unknown as TypedDocumentString<PlaygroundUpdateConversationMutation, PlaygroundUpdateConversationMutationVariables>;
export const PlaygroundDeleteConversationDocument = new TypedDocumentString(`
    mutation PlaygroundDeleteConversation($id: ID!) {
  deleteConversation(id: $id)
}
    `) as unknown as TypedDocumentString<PlaygroundDeleteConversationMutation, PlaygroundDeleteConversationMutationVariables>;
export const PlaygroundSendMessageStreamDocument = new TypedDocumentString(`
    subscription PlaygroundSendMessageStream($conversationId: ID!, $content: String!, $toolResults: [ToolResultInput!]) {
  sendMessageStream(
    conversationId: $conversationId
    content: $content
    toolResults: $toolResults
  ) {
    __typename
    ... on StreamStart {
      modelId
      requestId
    }
    ... on TextDelta {
      index
      text
    }
    ... on ToolUseDelta {
      index
      toolUseId
      name
      inputJson
    }
    ... on StreamEnd {
      stopReason
      latencyMs
      messageId
      turnsSent
      usage {
        inputTokens
        outputTokens
        totalTokens
      }
      cost {
        totalUsd
        priced
      }
      toolCalls {
        toolUseId
        name
        input
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundSendMessageStreamSubscription, PlaygroundSendMessageStreamSubscriptionVariables>;
export const PlaygroundEmbedDocument = new TypedDocumentString(`
    mutation PlaygroundEmbed($input: EmbedInput!) {
  embed(input: $input) {
    latencyMs
    usage {
      inputTokens
    }
    cost {
      totalUsd
      priced
    }
    embeddings {
      index
      values
      dimensions
      error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundEmbedMutation, PlaygroundEmbedMutationVariables>;
export const PlaygroundGenerateImageDocument = new TypedDocumentString(`
    mutation PlaygroundGenerateImage($input: ImageInput!) {
  generateImage(input: $input) {
    latencyMs
    cost {
      totalUsd
      priced
    }
    images {
      base64
      mimeType
      seed
    }
  }
}
    `) as unknown as TypedDocumentString<PlaygroundGenerateImageMutation, PlaygroundGenerateImageMutationVariables>;
export const PlaygroundMeDocument = new TypedDocumentString(`
    query PlaygroundMe($from: String) {
  me {
    id
    name
    prefix
    models
    operations
    requestsPerMinute
    tokensPerMinute
    monthlyBudgetUsd
    spentUsd
    createdAt
    expiresAt
  }
  usage(from: $from) {
    modelId
    day
    calls
    inputTokens
    outputTokens
    costUsd
  }
}
    `) as unknown as TypedDocumentString<PlaygroundMeQuery, PlaygroundMeQueryVariables>;