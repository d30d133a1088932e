import { graphql } from '../__generated__/gql';

// Every operation the playground sends, typed from the gateway's SDL by `pnpm codegen`.

export const ModelsDocument = graphql(`
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
`);

export const ConversationsDocument = graphql(`
  query PlaygroundConversations($first: Int) {
    conversations(first: $first) {
      id
      title
      modelId
      updatedAt
    }
  }
`);

export const ConversationDocument = graphql(`
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
`);

export const CreateConversationDocument = graphql(`
  mutation PlaygroundCreateConversation($input: CreateConversationInput!) {
    createConversation(input: $input) {
      id
    }
  }
`);

export const UpdateConversationDocument = graphql(`
  mutation PlaygroundUpdateConversation($id: ID!, $input: UpdateConversationInput!) {
    updateConversation(id: $id, input: $input) {
      id
      modelId
    }
  }
`);

export const DeleteConversationDocument = graphql(`
  mutation PlaygroundDeleteConversation($id: ID!) {
    deleteConversation(id: $id)
  }
`);

export const SendMessageStreamDocument = graphql(`
  subscription PlaygroundSendMessageStream(
    $conversationId: ID!
    $content: String!
    $toolResults: [ToolResultInput!]
  ) {
    sendMessageStream(conversationId: $conversationId, content: $content, toolResults: $toolResults) {
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
`);
export const EmbedDocument = graphql(`
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
`);

export const GenerateImageDocument = graphql(`
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
`);

export const MeDocument = graphql(`
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
`);
