import { catalogModel, type EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

export const titanEmbedV2Model = catalogModel('amazon.titan-embed-text-v2:0');

export const titanEmbedV2Fixtures: EmbedCodecFixtures = {
  model: titanEmbedV2Model,
  requests: [
    { name: 'defaults', request: { texts: ['hello world'] }, body: '{"inputText":"hello world"}' },
    {
      name: 'every option',
      request: { texts: ['hello world'], dimensions: 512, normalize: false, embeddingType: 'binary' },
      body: '{"inputText":"hello world","dimensions":512,"normalize":false,"embeddingTypes":["binary"]}',
    },
    {
      name: 'options that do not apply to Titan (not sent)',
      request: { texts: ['hi'], dimensions: 256, inputType: 'clustering', truncate: 'end' },
      body: '{"inputText":"hi","dimensions":256}',
    },
    {
      name: 'unicode text verbatim',
      request: { texts: ['naïve café — "quoted"\n'], normalize: true },
      body: '{"inputText":"naïve café — \\"quoted\\"\\n","normalize":true}',
    },
  ],
  responses: [
    {
      name: 'embedding with embeddingsByType.float',
      body: {
        embedding: [0.25, -0.5, 0.75],
        inputTextTokenCount: 5,
        embeddingsByType: { float: [0.25, -0.5, 0.75] },
      },
      result: { embeddings: [[0.25, -0.5, 0.75]], inputTokens: 5 },
    },
    {
      name: 'a binary request (binary wins over the always-present float)',
      body: {
        embedding: [0.25, -0.5, 0.75],
        inputTextTokenCount: 2,
        embeddingsByType: { binary: [1, 0, 1], float: [0.25, -0.5, 0.75] },
      },
      result: { embeddings: [[1, 0, 1]], inputTokens: 2 },
    },
    {
      name: 'embedding only',
      body: { embedding: [0.1, 0.2], inputTextTokenCount: 3 },
      result: { embeddings: [[0.1, 0.2]], inputTokens: 3 },
    },
  ],
  invalid: [
    {
      name: 'a fractional dimension',
      request: { texts: ['a'], dimensions: 512.5 },
      field: 'dimensions',
      message: 'not 512.5',
    },
    {
      name: 'int8 vectors',
      request: { texts: ['a'], embeddingType: 'int8' },
      field: 'embeddingType',
      message: "'float' or 'binary'",
    },
    {
      name: 'a non-boolean normalize',
      request: { texts: ['a'], normalize: 'yes' as unknown as boolean },
      field: 'normalize',
      message: 'true or false',
    },
    {
      name: 'a 50,001-character text',
      request: { texts: ['x'.repeat(50_001)] },
      field: 'texts[0]',
      message: 'at most 50000',
    },
  ],
  malformedResponses: [
    {},
    { inputTextTokenCount: 5 },
    { embedding: [] },
    { embedding: [0.1, 'x'] },
    { embeddingsByType: { float: 'no' } },
    { embeddingsByType: {} },
  ],
};
