/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PlaygroundModels($filter: ModelFilter) {\n    models(filter: $filter) {\n      modelId\n      modelName\n      providerName\n      family\n      inputModalities\n      outputModalities\n      responseStreamingSupported\n      inferenceTypesSupported\n      lifecycleStatus\n      isDeprecated\n      deprecationReason\n      contextWindow\n      maxOutputTokens\n      embeddingDimensions\n      toolUse\n      requiresAgreement\n      regions\n      available\n      pricing {\n        inputPer1k\n        outputPer1k\n        perImage\n      }\n      inferenceProfiles {\n        inferenceProfileId\n        type\n      }\n    }\n  }\n": typeof types.PlaygroundModelsDocument,
    "\n  query PlaygroundConversations($first: Int) {\n    conversations(first: $first) {\n      id\n      title\n      modelId\n      updatedAt\n    }\n  }\n": typeof types.PlaygroundConversationsDocument,
    "\n  query PlaygroundConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      modelId\n      system\n      maxTokens\n      temperature\n      messages {\n        id\n        role\n        content\n        status\n        modelId\n        stopReason\n        errorCode\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n": typeof types.PlaygroundConversationDocument,
    "\n  mutation PlaygroundCreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      id\n    }\n  }\n": typeof types.PlaygroundCreateConversationDocument,
    "\n  mutation PlaygroundUpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      modelId\n    }\n  }\n": typeof types.PlaygroundUpdateConversationDocument,
    "\n  mutation PlaygroundDeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": typeof types.PlaygroundDeleteConversationDocument,
    "\n  subscription PlaygroundSendMessageStream(\n    $conversationId: ID!\n    $content: String!\n    $toolResults: [ToolResultInput!]\n  ) {\n    sendMessageStream(conversationId: $conversationId, content: $content, toolResults: $toolResults) {\n      __typename\n      ... on StreamStart {\n        modelId\n        requestId\n      }\n      ... on TextDelta {\n        index\n        text\n      }\n      ... on ToolUseDelta {\n        index\n        toolUseId\n        name\n        inputJson\n      }\n      ... on StreamEnd {\n        stopReason\n        latencyMs\n        messageId\n        turnsSent\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n": typeof types.PlaygroundSendMessageStreamDocument,
    "\n  mutation PlaygroundEmbed($input: EmbedInput!) {\n    embed(input: $input) {\n      latencyMs\n      usage {\n        inputTokens\n      }\n      cost {\n        totalUsd\n        priced\n      }\n      embeddings {\n        index\n        values\n        dimensions\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.PlaygroundEmbedDocument,
    "\n  mutation PlaygroundGenerateImage($input: ImageInput!) {\n    generateImage(input: $input) {\n      latencyMs\n      cost {\n        totalUsd\n        priced\n      }\n      images {\n        base64\n        mimeType\n        seed\n      }\n    }\n  }\n": typeof types.PlaygroundGenerateImageDocument,
    "\n  query PlaygroundMe($from: String) {\n    me {\n      id\n      name\n      prefix\n      models\n      operations\n      requestsPerMinute\n      tokensPerMinute\n      monthlyBudgetUsd\n      spentUsd\n      createdAt\n      expiresAt\n    }\n    usage(from: $from) {\n      modelId\n      day\n      calls\n      inputTokens\n      outputTokens\n      costUsd\n    }\n  }\n": typeof types.PlaygroundMeDocument,
};
const documents: Documents = {
    "\n  query PlaygroundModels($filter: ModelFilter) {\n    models(filter: $filter) {\n      modelId\n      modelName\n      providerName\n      family\n      inputModalities\n      outputModalities\n      responseStreamingSupported\n      inferenceTypesSupported\n      lifecycleStatus\n      isDeprecated\n      deprecationReason\n      contextWindow\n      maxOutputTokens\n      embeddingDimensions\n      toolUse\n      requiresAgreement\n      regions\n      available\n      pricing {\n        inputPer1k\n        outputPer1k\n        perImage\n      }\n      inferenceProfiles {\n        inferenceProfileId\n        type\n      }\n    }\n  }\n": types.PlaygroundModelsDocument,
    "\n  query PlaygroundConversations($first: Int) {\n    conversations(first: $first) {\n      id\n      title\n      modelId\n      updatedAt\n    }\n  }\n": types.PlaygroundConversationsDocument,
    "\n  query PlaygroundConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      modelId\n      system\n      maxTokens\n      temperature\n      messages {\n        id\n        role\n        content\n        status\n        modelId\n        stopReason\n        errorCode\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n": types.PlaygroundConversationDocument,
    "\n  mutation PlaygroundCreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      id\n    }\n  }\n": types.PlaygroundCreateConversationDocument,
    "\n  mutation PlaygroundUpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      modelId\n    }\n  }\n": types.PlaygroundUpdateConversationDocument,
    "\n  mutation PlaygroundDeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": types.PlaygroundDeleteConversationDocument,
    "\n  subscription PlaygroundSendMessageStream(\n    $conversationId: ID!\n    $content: String!\n    $toolResults: [ToolResultInput!]\n  ) {\n    sendMessageStream(conversationId: $conversationId, content: $content, toolResults: $toolResults) {\n      __typename\n      ... on StreamStart {\n        modelId\n        requestId\n      }\n      ... on TextDelta {\n        index\n        text\n      }\n      ... on ToolUseDelta {\n        index\n        toolUseId\n        name\n        inputJson\n      }\n      ... on StreamEnd {\n        stopReason\n        latencyMs\n        messageId\n        turnsSent\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n": types.PlaygroundSendMessageStreamDocument,
    "\n  mutation PlaygroundEmbed($input: EmbedInput!) {\n    embed(input: $input) {\n      latencyMs\n      usage {\n        inputTokens\n      }\n      cost {\n        totalUsd\n        priced\n      }\n      embeddings {\n        index\n        values\n        dimensions\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.PlaygroundEmbedDocument,
    "\n  mutation PlaygroundGenerateImage($input: ImageInput!) {\n    generateImage(input: $input) {\n      latencyMs\n      cost {\n        totalUsd\n        priced\n      }\n      images {\n        base64\n        mimeType\n        seed\n      }\n    }\n  }\n": types.PlaygroundGenerateImageDocument,
    "\n  query PlaygroundMe($from: String) {\n    me {\n      id\n      name\n      prefix\n      models\n      operations\n      requestsPerMinute\n      tokensPerMinute\n      monthlyBudgetUsd\n      spentUsd\n      createdAt\n      expiresAt\n    }\n    usage(from: $from) {\n      modelId\n      day\n      calls\n      inputTokens\n      outputTokens\n      costUsd\n    }\n  }\n": types.PlaygroundMeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundModels($filter: ModelFilter) {\n    models(filter: $filter) {\n      modelId\n      modelName\n      providerName\n      family\n      inputModalities\n      outputModalities\n      responseStreamingSupported\n      inferenceTypesSupported\n      lifecycleStatus\n      isDeprecated\n      deprecationReason\n      contextWindow\n      maxOutputTokens\n      embeddingDimensions\n      toolUse\n      requiresAgreement\n      regions\n      available\n      pricing {\n        inputPer1k\n        outputPer1k\n        perImage\n      }\n      inferenceProfiles {\n        inferenceProfileId\n        type\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundConversations($first: Int) {\n    conversations(first: $first) {\n      id\n      title\n      modelId\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').PlaygroundConversationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      title\n      modelId\n      system\n      maxTokens\n      temperature\n      messages {\n        id\n        role\n        content\n        status\n        modelId\n        stopReason\n        errorCode\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundCreateConversation($input: CreateConversationInput!) {\n    createConversation(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').PlaygroundCreateConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundUpdateConversation($id: ID!, $input: UpdateConversationInput!) {\n    updateConversation(id: $id, input: $input) {\n      id\n      modelId\n    }\n  }\n"): typeof import('./graphql').PlaygroundUpdateConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundDeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n"): typeof import('./graphql').PlaygroundDeleteConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PlaygroundSendMessageStream(\n    $conversationId: ID!\n    $content: String!\n    $toolResults: [ToolResultInput!]\n  ) {\n    sendMessageStream(conversationId: $conversationId, content: $content, toolResults: $toolResults) {\n      __typename\n      ... on StreamStart {\n        modelId\n        requestId\n      }\n      ... on TextDelta {\n        index\n        text\n      }\n      ... on ToolUseDelta {\n        index\n        toolUseId\n        name\n        inputJson\n      }\n      ... on StreamEnd {\n        stopReason\n        latencyMs\n        messageId\n        turnsSent\n        usage {\n          inputTokens\n          outputTokens\n          totalTokens\n        }\n        cost {\n          totalUsd\n          priced\n        }\n        toolCalls {\n          toolUseId\n          name\n          input\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundSendMessageStreamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundEmbed($input: EmbedInput!) {\n    embed(input: $input) {\n      latencyMs\n      usage {\n        inputTokens\n      }\n      cost {\n        totalUsd\n        priced\n      }\n      embeddings {\n        index\n        values\n        dimensions\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundEmbedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaygroundGenerateImage($input: ImageInput!) {\n    generateImage(input: $input) {\n      latencyMs\n      cost {\n        totalUsd\n        priced\n      }\n      images {\n        base64\n        mimeType\n        seed\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundGenerateImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundMe($from: String) {\n    me {\n      id\n      name\n      prefix\n      models\n      operations\n      requestsPerMinute\n      tokensPerMinute\n      monthlyBudgetUsd\n      spentUsd\n      createdAt\n      expiresAt\n    }\n    usage(from: $from) {\n      modelId\n      day\n      calls\n      inputTokens\n      outputTokens\n      costUsd\n    }\n  }\n"): typeof import('./graphql').PlaygroundMeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
