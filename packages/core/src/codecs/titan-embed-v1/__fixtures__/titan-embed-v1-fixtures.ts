import { catalogModel, type EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

export const titanEmbedV1Model = catalogModel('amazon.titan-embed-text-v1');

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
    {
      name: 'binary vectors',
      request: { texts: ['a'], embeddingType: 'binary' },
      field: 'embeddingType',
      message: 'float',
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
