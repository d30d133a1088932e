import { catalogModel, type EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

export const cohereEmbedModel = catalogModel('cohere.embed-english-v3');

export const cohereEmbedFixtures: EmbedCodecFixtures = {
  model: cohereEmbedModel,
  requests: [
    {
      name: 'two texts with the default input_type',
      request: { texts: ['hello', 'world'] },
      body: '{"texts":["hello","world"],"input_type":"search_document"}',
    },
    {
      name: 'a query with truncation and int8 vectors',
      request: {
        texts: ['what is bedrock?'],
        inputType: 'search_query',
        truncate: 'end',
        embeddingType: 'int8',
      },
      body: '{"texts":["what is bedrock?"],"input_type":"search_query","truncate":"END","embedding_types":["int8"]}',
    },
    {
      name: 'the only dimensions value and normalize (neither is sent)',
      request: { texts: ['a'], dimensions: 1024, normalize: true, inputType: 'clustering', truncate: 'none' },
      body: '{"texts":["a"],"input_type":"clustering","truncate":"NONE"}',
    },
  ],
  responses: [
    {
      name: 'embeddings_floats',
      body: {
        embeddings: [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
        id: 'a9d2a5bc-1b4e-4a84-9e4e-3f6c5a7d8e9f',
        response_type: 'embeddings_floats',
        texts: ['hello', 'world'],
      },
      result: {
        embeddings: [
          [0.1, 0.2],
          [0.3, 0.4],
        ],
        inputTokens: undefined,
      },
    },
    {
      name: 'embeddings_by_type with int8',
      body: {
        embeddings: { int8: [[12, -7, 127]] },
        id: 'b1',
        response_type: 'embeddings_by_type',
        texts: ['what is bedrock?'],
      },
      result: { embeddings: [[12, -7, 127]], inputTokens: undefined },
    },
    {
      name: 'embeddings_by_type with float, without texts',
      body: { embeddings: { float: [[0.5, 0.5]] }, response_type: 'embeddings_by_type' },
      result: { embeddings: [[0.5, 0.5]], inputTokens: undefined },
    },
  ],
  invalid: [
    {
      name: 'an empty text among others',
      request: { texts: ['a', '', 'c'] },
      field: 'texts[1]',
      message: 'texts[1] is empty',
    },
    {
      name: 'a 2,049-character text',
      request: { texts: ['x'.repeat(2049)] },
      field: 'texts[0]',
      message: 'at most 2048',
    },
    {
      name: 'an unknown input type',
      request: { texts: ['a'], inputType: 'search' as unknown as 'search_query' },
      field: 'inputType',
      message: 'search_document, search_query, classification, clustering',
    },
    {
      name: 'an unknown truncate mode',
      request: { texts: ['a'], truncate: 'END' as unknown as 'end' },
      field: 'truncate',
      message: 'none, start, end',
    },
  ],
  malformedResponses: [
    {},
    { embeddings: [[0.1]] },
    { embeddings: [[0.1]], response_type: 'embeddings_binary' },
    { embeddings: { float: [[0.1]] }, response_type: 'embeddings_floats' },
    { embeddings: [[0.1, 'x']], response_type: 'embeddings_floats' },
    { embeddings: [], response_type: 'embeddings_floats' },
    { embeddings: [[0.1]], response_type: 'embeddings_floats', texts: ['a', 'b'] },
    { embeddings: [[0.1], [0.2, 0.3]], response_type: 'embeddings_floats' },
    { embeddings: {}, response_type: 'embeddings_by_type' },
    { embeddings: { int8: [[1], [2]] }, response_type: 'embeddings_by_type', texts: ['a'] },
  ],
};
