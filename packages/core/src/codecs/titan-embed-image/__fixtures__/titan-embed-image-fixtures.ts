import type { CatalogModel } from '../../../catalog/catalog-model.js';
import type { EmbedCodecFixtures } from '../../../testing/define-codec-suite.js';

/** Mirrors the catalog entry; local so these tests do not depend on the catalog module. */
export const titanEmbedImageModel: CatalogModel = {
  modelId: 'amazon.titan-embed-image-v1',
  modelName: 'Titan Multimodal Embeddings G1',
  provider: 'Amazon',
  family: 'titan-embed-image',
  inputModalities: ['TEXT', 'IMAGE'],
  outputModalities: ['EMBEDDING'],
  streaming: false,
  inferenceTypes: ['ON_DEMAND'],
  customizations: ['FINE_TUNING'],
  contextWindow: 128,
  maxOutputTokens: null,
  embeddingDimensions: [1024, 384, 256],
  maxEmbedBatch: 1,
  toolUse: false,
  systemPrompt: false,
  lifecycle: 'ACTIVE',
  regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1'],
  requiresAgreement: false,
  pricing: { inputPer1k: 0.0008, perImage: 0.00006 },
  profiles: [],
};

/** A 1x1 transparent PNG. */
export const TINY_PNG =
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
    {
      name: 'neither text nor image',
      request: { texts: [] },
      field: 'texts',
      message: 'a text, an image, or both',
    },
    {
      name: 'two texts',
      request: { texts: ['a', 'b'] },
      field: 'texts',
      message: 'one text per InvokeModel call',
    },
    {
      name: 'dimensions 512',
      request: { texts: ['a'], dimensions: 512 },
      field: 'dimensions',
      message: '1024, 384, 256',
    },
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
