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
