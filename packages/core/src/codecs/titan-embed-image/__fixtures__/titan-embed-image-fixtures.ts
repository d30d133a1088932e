import { catalogModel, type EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

const titanEmbedImageModel = catalogModel('amazon.titan-embed-image-v1');

/** A 1x1 transparent PNG. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export const titanEmbedImageFixtures: EmbedCodecFixtures = {
  model: titanEmbedImageModel,
  requests: [
    { name: 'text only', request: { texts: ['a red bicycle'] }, body: '{"inputText":"a red bicycle"}' },
    { name: 'image only', request: { texts: [], image: TINY_PNG }, body: `{"inputImage":"${TINY_PNG}"}` },
    {
      name: 'text, image and an output length',
      request: { texts: ['a red bicycle'], image: TINY_PNG, dimensions: 384 },
      body: `{"inputText":"a red bicycle","inputImage":"${TINY_PNG}","embeddingConfig":{"outputEmbeddingLength":384}}`,
    },
  ],
  responses: [
    {
      name: 'embedding with a null message',
      body: { embedding: [0.1, 0.2, 0.3], inputTextTokenCount: 3, message: null },
      result: { embeddings: [[0.1, 0.2, 0.3]], inputTokens: 3 },
    },
    {
      name: 'an image-only embedding without a token count',
      body: { embedding: [0.4] },
      result: { embeddings: [[0.4]], inputTokens: undefined },
    },
  ],
  invalid: [
    { name: 'an empty image', request: { texts: [], image: '' }, field: 'image', message: 'image is empty' },
    {
      name: 'a data URL',
      request: { texts: [], image: `data:image/png;base64,${TINY_PNG}` },
      field: 'image',
      message: 'only the base64 part',
    },
    {
      name: 'non-base64 image bytes',
      request: { texts: [], image: 'not base64!' },
      field: 'image',
      message: 'not standard base64',
    },
  ],
  malformedResponses: [
    {},
    { message: 'Unable to process the image' },
    { embedding: [], message: null },
    { embedding: [0.1, false] },
    { embedding: [0.1], message: 42 },
  ],
};
