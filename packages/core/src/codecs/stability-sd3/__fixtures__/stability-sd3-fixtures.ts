import { catalogModel, type ImageCodecFixtures } from '../../../testing/define-codec-suite.js';

export const stabilitySd3Model = catalogModel('stability.sd3-5-large-v1:0');

export const stabilitySd3Fixtures: ImageCodecFixtures = {
  model: stabilitySd3Model,
  requests: [
    { name: 'a prompt alone', request: { prompt: 'a lighthouse' }, body: '{"prompt":"a lighthouse"}' },
    {
      name: 'every option, 1920x1080 as 16:9',
      request: {
        prompt: 'a lighthouse',
        negativePrompt: 'people',
        width: 1920,
        height: 1080,
        outputFormat: 'png',
        seed: 0,
        count: 1,
      },
      body: '{"prompt":"a lighthouse","negative_prompt":"people","aspect_ratio":"16:9","output_format":"png","seed":0}',
    },
    {
      name: 'a square size as 1:1 and jpeg output',
      request: { prompt: 'tower', width: 1024, height: 1024, outputFormat: 'jpeg' },
      body: '{"prompt":"tower","aspect_ratio":"1:1","output_format":"jpeg"}',
    },
    {
      name: 'a tall 9:21 size and the largest seed',
      request: { prompt: 'tower', width: 864, height: 2016, seed: 4_294_967_295 },
      body: '{"prompt":"tower","aspect_ratio":"9:21","seed":4294967295}',
    },
  ],
  responses: [
    {
      name: 'one image with its seed',
      body: { seeds: [2130420379], finish_reasons: [null], images: ['iVBORw0KGgoSD3'] },
      result: { images: ['iVBORw0KGgoSD3'], seeds: [2130420379] },
    },
    {
      name: 'a seed sent as a string',
      body: { seeds: ['42'], finish_reasons: [null], images: ['iVBORw0KGgoSD3'] },
      result: { images: ['iVBORw0KGgoSD3'], seeds: [42] },
    },
    {
      name: 'no seeds',
      body: { finish_reasons: [null], images: ['iVBORw0KGgoSD3'] },
      result: { images: ['iVBORw0KGgoSD3'], seeds: [undefined] },
    },
  ],
  invalid: [
    {
      name: 'a 10,001-character prompt',
      request: { prompt: 'x'.repeat(10_001) },
      field: 'prompt',
      message: 'at most 10000',
    },
    {
      name: 'a size with no supported ratio',
      request: { prompt: 'x', width: 1344, height: 768 },
      field: 'width',
      message: '1:1, 16:9, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21',
    },
    {
      name: 'a 4:3 size',
      request: { prompt: 'x', width: 1024, height: 768 },
      field: 'width',
      message: 'is 4:3',
    },
    { name: 'two images', request: { prompt: 'x', count: 2 }, field: 'count', message: 'one image per call' },
    {
      name: 'a cfgScale',
      request: { prompt: 'x', cfgScale: 7 },
      field: 'cfgScale',
      message: 'takes no cfgScale',
    },
    {
      name: 'seed 2^32',
      request: { prompt: 'x', seed: 4_294_967_296 },
      field: 'seed',
      message: '0 to 4294967295',
    },
    {
      name: 'webp output',
      request: { prompt: 'x', outputFormat: 'webp' },
      field: 'outputFormat',
      message: 'png or jpeg',
    },
  ],
  malformedResponses: [
    {},
    { seeds: [1], images: ['iVBOR'] },
    { finish_reasons: [], images: [] },
    { finish_reasons: [null] },
    { finish_reasons: [null], images: ['iVBOR', 'iVBOR'] },
    { seeds: [1, 2], finish_reasons: [null], images: ['iVBOR'] },
    { seeds: [-1], finish_reasons: [null], images: ['iVBOR'] },
    { finish_reasons: [7], images: ['iVBOR'] },
  ],
};
