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
};
const documents: Documents = {
    "\n  query PlaygroundModels($filter: ModelFilter) {\n    models(filter: $filter) {\n      modelId\n      modelName\n      providerName\n      family\n      inputModalities\n      outputModalities\n      responseStreamingSupported\n      inferenceTypesSupported\n      lifecycleStatus\n      isDeprecated\n      deprecationReason\n      contextWindow\n      maxOutputTokens\n      embeddingDimensions\n      toolUse\n      requiresAgreement\n      regions\n      available\n      pricing {\n        inputPer1k\n        outputPer1k\n        perImage\n      }\n      inferenceProfiles {\n        inferenceProfileId\n        type\n      }\n    }\n  }\n": types.PlaygroundModelsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlaygroundModels($filter: ModelFilter) {\n    models(filter: $filter) {\n      modelId\n      modelName\n      providerName\n      family\n      inputModalities\n      outputModalities\n      responseStreamingSupported\n      inferenceTypesSupported\n      lifecycleStatus\n      isDeprecated\n      deprecationReason\n      contextWindow\n      maxOutputTokens\n      embeddingDimensions\n      toolUse\n      requiresAgreement\n      regions\n      available\n      pricing {\n        inputPer1k\n        outputPer1k\n        perImage\n      }\n      inferenceProfiles {\n        inferenceProfileId\n        type\n      }\n    }\n  }\n"): typeof import('./graphql').PlaygroundModelsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
