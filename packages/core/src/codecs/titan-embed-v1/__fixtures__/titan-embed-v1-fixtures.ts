import type { CatalogModel } from '../../../catalog/catalog-model.js';
import type { EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

/** Mirrors the catalog entry; local so these tests do not depend on the catalog module. */
export const titanEmbedV1Model: CatalogModel = {
  modelId: 'amazon.titan-embed-text-v1',
  modelName: 'Titan Embeddings G1 - Text',
  provider: 'Amazon',
  family: 'titan-embed-v1',
  inputModalities: ['TEXT'],
  outputModalities: ['EMBEDDING'],
  streaming: false,
  inferenceTypes: ['ON_DEMAND'],
  customizations: [],
  contextWindow: 8192,
  maxOutputTokens: null,
  embeddingDimensions: [1536],
  maxEmbedBatch: 1,
  toolUse: false,
  systemPrompt: false,
  lifecycle: 'ACTIVE',
  regions: ['us-east-1', 'us-west-2', 'ap-northeast-1', 'eu-central-1'],
  requiresAgreement: false,
  pricing: { inputPer1k: 0.0001 },
  profiles: [],
};

export const titanEmbedV1Fixtures: EmbedCodecFixtures = {
  model: titanEmbedV1Model,
  requests: [
    {
      name: 'one text',
      request: { texts: ['What is Amazon Bedrock?'] },
      body: '{"inputText":"What is Amazon Bedrock?"}',
    },
    {
      name: 'the only dimensions value, which is not sent',
      request: { texts: ['hello'], dimensions: 1536, normalize: true, inputType: 'search_query' },
      body: '{"inputText":"hello"}',
    },
  ],
  responses: [
    {
      name: 'embedding and token count',
      body: { embedding: [0.0078125, -0.12890625, 0.5], inputTextTokenCount: 5 },
      result: { embeddings: [[0.0078125, -0.12890625, 0.5]], inputTokens: 5 },
    },
    {
      name: 'without a token count',
      body: { embedding: [1, 2] },
      result: { embeddings: [[1, 2]], inputTokens: undefined },
    },
  ],
  invalid: [
    { name: 'no texts', request: { texts: [] }, field: 'texts', message: 'send at least one text' },
    {
      name: 'two texts',
      request: { texts: ['a', 'b'] },
      field: 'texts',
      message: 'one text per InvokeModel call',
    },
    { name: 'an empty text', request: { texts: [''] }, field: 'texts[0]', message: 'texts[0] is empty' },
    {
      name: 'dimensions 1024',
      request: { texts: ['a'], dimensions: 1024 },
      field: 'dimensions',
      message: '1536',
    },
    {
      name: 'binary vectors',
      request: { texts: ['a'], embeddingType: 'binary' },
      field: 'embeddingType',
      message: 'float',
    },
    {
      name: 'an image',
      request: { texts: ['a'], image: 'iVBORw0KGgo=' },
      field: 'image',
      message: 'titan-embed-image',
    },
  ],
  malformedResponses: [
    {},
    { embedding: [] },
    { embedding: ['0.1', 0.2] },
    { embedding: [0.1, null] },
    { embedding: 'not a vector' },
    { embedding: [0.1], inputTextTokenCount: -1 },
  ],
};
