import { catalogModel, type ImageCodecFixtures } from '../../../testing/define-codec-suite.js';

export const titanImageModel = catalogModel('amazon.titan-image-generator-v2:0');

export const novaCanvasModel = catalogModel('amazon.nova-canvas-v1:0');

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
