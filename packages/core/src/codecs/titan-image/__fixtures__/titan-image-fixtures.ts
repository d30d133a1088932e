import type { CatalogModel } from '../../../catalog/catalog-model.js';
import type { ImageCodecFixtures } from '../../../testing/define-codec-suite.js';

/** Mirrors the catalog entry; local so these tests do not depend on the catalog module. */
export const titanImageModel: CatalogModel = {
  modelId: 'amazon.titan-image-generator-v2:0',
  modelName: 'Titan Image Generator G1 v2',
  provider: 'Amazon',
  family: 'titan-image',
  inputModalities: ['TEXT', 'IMAGE'],
  outputModalities: ['IMAGE'],
  streaming: false,
  inferenceTypes: ['ON_DEMAND', 'PROVISIONED'],
  customizations: ['FINE_TUNING'],
  contextWindow: null,
  maxOutputTokens: null,
  toolUse: false,
  systemPrompt: false,
  lifecycle: 'ACTIVE',
  regions: ['us-east-1', 'us-west-2'],
  requiresAgreement: false,
  pricing: { perImage: 0.01 },
  profiles: [],
};

export const novaCanvasModel: CatalogModel = {
  ...titanImageModel,
  modelId: 'amazon.nova-canvas-v1:0',
  modelName: 'Nova Canvas',
  inferenceTypes: ['ON_DEMAND'],
  customizations: [],
  regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
  pricing: { perImage: 0.04 },
};

export const titanImageFixtures: ImageCodecFixtures = {
  model: titanImageModel,
  requests: [
    {
      name: 'a prompt alone (no imageGenerationConfig)',
      request: { prompt: 'a lighthouse at dusk' },
      body: '{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a lighthouse at dusk"}}',
    },
    {
      name: 'every option, in the documented key order',
      request: {
        prompt: 'a lighthouse at dusk',
        negativePrompt: 'people',
        count: 1,
        width: 1024,
        height: 1024,
        cfgScale: 8,
        seed: 42,
        outputFormat: 'png',
      },
      body:
        '{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a lighthouse at dusk","negativeText":"people"},' +
        '"imageGenerationConfig":{"numberOfImages":1,"width":1024,"height":1024,"cfgScale":8,"seed":42}}',
    },
    {
      name: 'the 16:9 size and the largest seed',
      request: { prompt: 'harbour', width: 1173, height: 640, count: 5, seed: 2_147_483_646, cfgScale: 1.1 },
      body:
        '{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"harbour"},' +
        '"imageGenerationConfig":{"numberOfImages":5,"width":1173,"height":640,"cfgScale":1.1,"seed":2147483646}}',
    },
  ],
  responses: [
    {
      name: 'two images and a null error',
      body: { images: ['iVBORw0KGgoAAA1', 'iVBORw0KGgoAAA2'], error: null },
      result: { images: ['iVBORw0KGgoAAA1', 'iVBORw0KGgoAAA2'], seeds: [undefined, undefined] },
    },
    {
      name: 'one image without an error field',
      body: { images: ['iVBORw0KGgoAAA1'] },
      result: { images: ['iVBORw0KGgoAAA1'], seeds: [undefined] },
    },
  ],
  invalid: [
    { name: 'an empty prompt', request: { prompt: '' }, field: 'prompt', message: 'describe the image' },
    { name: 'a blank prompt', request: { prompt: '   ' }, field: 'prompt', message: 'prompt is empty' },
    {
      name: 'a 513-character prompt',
      request: { prompt: 'x'.repeat(513) },
      field: 'prompt',
      message: 'at most 512',
    },
    {
      name: 'a 513-character negative prompt',
      request: { prompt: 'x', negativePrompt: 'y'.repeat(513) },
      field: 'negativePrompt',
      message: 'at most 512',
    },
    {
      name: 'an empty negative prompt',
      request: { prompt: 'x', negativePrompt: '' },
      field: 'negativePrompt',
      message: 'omit negativePrompt',
    },
    {
      name: 'a size off the list',
      request: { prompt: 'x', width: 1920, height: 1080 },
      field: 'width',
      message: '768x1152',
    },
    {
      name: 'a transposed 16:9 size',
      request: { prompt: 'x', width: 640, height: 1173 },
      field: 'width',
      message: '1173x640',
    },
    {
      name: 'width alone',
      request: { prompt: 'x', width: 512 },
      field: 'height',
      message: 'both width and height',
    },
    {
      name: 'height alone',
      request: { prompt: 'x', height: 512 },
      field: 'width',
      message: 'both width and height',
    },
    { name: 'six images', request: { prompt: 'x', count: 6 }, field: 'count', message: 'from 1 to 5' },
    { name: 'zero images', request: { prompt: 'x', count: 0 }, field: 'count', message: 'from 1 to 5' },
    {
      name: 'cfgScale 1',
      request: { prompt: 'x', cfgScale: 1 },
      field: 'cfgScale',
      message: 'between 1.1 and 10',
    },
    {
      name: 'cfgScale 10.5',
      request: { prompt: 'x', cfgScale: 10.5 },
      field: 'cfgScale',
      message: 'between 1.1 and 10',
    },
    {
      name: 'seed 2147483647',
      request: { prompt: 'x', seed: 2_147_483_647 },
      field: 'seed',
      message: '0 to 2147483646',
    },
    {
      name: 'a negative seed',
      request: { prompt: 'x', seed: -1 },
      field: 'seed',
      message: '0 to 2147483646',
    },
    {
      name: 'jpeg output',
      request: { prompt: 'x', outputFormat: 'jpeg' },
      field: 'outputFormat',
      message: 'png',
    },
  ],
  malformedResponses: [
    {},
    { images: [], error: null },
    { images: null, error: null },
    { images: [''], error: null },
    { images: [42] },
    { images: ['iVBOR'], error: 7 },
  ],
};
