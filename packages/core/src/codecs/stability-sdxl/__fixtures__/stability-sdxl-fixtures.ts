import { catalogModel, type ImageCodecFixtures } from '../../../testing/define-codec-suite.js';

export const stabilitySdxlModel = catalogModel('stability.stable-diffusion-xl-v1');

export const stabilitySdxlFixtures: ImageCodecFixtures = {
  model: stabilitySdxlModel,
  requests: [
    {
      name: 'a prompt alone',
      request: { prompt: 'a lighthouse' },
      body: '{"text_prompts":[{"text":"a lighthouse","weight":1}]}',
    },
    {
      name: 'a negative prompt as weight -1 and every option',
      request: {
        prompt: 'a lighthouse',
        negativePrompt: 'blurry',
        cfgScale: 7,
        seed: 0,
        width: 1024,
        height: 1024,
        count: 1,
        outputFormat: 'png',
      },
      body:
        '{"text_prompts":[{"text":"a lighthouse","weight":1},{"text":"blurry","weight":-1}],' +
        '"cfg_scale":7,"seed":0,"width":1024,"height":1024}',
    },
    {
      name: 'a portrait size and the largest seed',
      request: { prompt: 'tower', width: 640, height: 1536, seed: 4_294_967_295, cfgScale: 35 },
      body: '{"text_prompts":[{"text":"tower","weight":1}],"cfg_scale":35,"seed":4294967295,"width":640,"height":1536}',
    },
  ],
  responses: [
    {
      name: 'one successful artifact',
      body: {
        result: 'success',
        artifacts: [{ seed: 123, base64: 'iVBORw0KGgoSDXL', finishReason: 'SUCCESS' }],
      },
      result: { images: ['iVBORw0KGgoSDXL'], seeds: [123] },
    },
    {
      name: 'an artifact without a seed',
      body: { artifacts: [{ base64: 'iVBORw0KGgoSDXL', finishReason: 'SUCCESS' }] },
      result: { images: ['iVBORw0KGgoSDXL'], seeds: [undefined] },
    },
  ],
  invalid: [
    {
      name: 'a 2,001-character prompt',
      request: { prompt: 'x'.repeat(2001) },
      field: 'prompt',
      message: 'at most 2000',
    },
    {
      name: 'a size off the SDXL list',
      request: { prompt: 'x', width: 512, height: 512 },
      field: 'width',
      message: '1152x896',
    },
    { name: 'two images', request: { prompt: 'x', count: 2 }, field: 'count', message: 'one image per call' },
    {
      name: 'cfgScale 36',
      request: { prompt: 'x', cfgScale: 36 },
      field: 'cfgScale',
      message: 'between 0 and 35',
    },
    {
      name: 'a negative cfgScale',
      request: { prompt: 'x', cfgScale: -1 },
      field: 'cfgScale',
      message: 'between 0 and 35',
    },
    {
      name: 'seed 2^32',
      request: { prompt: 'x', seed: 4_294_967_296 },
      field: 'seed',
      message: '0 to 4294967295',
    },
    { name: 'a fractional seed', request: { prompt: 'x', seed: 1.5 }, field: 'seed', message: 'integer' },
    {
      name: 'jpeg output',
      request: { prompt: 'x', outputFormat: 'jpeg' },
      field: 'outputFormat',
      message: 'png',
    },
  ],
  malformedResponses: [
    {},
    { result: 'success', artifacts: [] },
    { artifacts: [{ seed: 1, base64: 'iVBOR', finishReason: 'DONE' }] },
    { artifacts: [{ seed: 1, finishReason: 'SUCCESS' }] },
    { artifacts: [{ seed: 1, base64: '', finishReason: 'SUCCESS' }] },
    { artifacts: [{ seed: 'one', base64: 'iVBOR', finishReason: 'SUCCESS' }] },
  ],
};
