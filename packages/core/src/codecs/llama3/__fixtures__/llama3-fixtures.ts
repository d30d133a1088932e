import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';
import { llamaStreamOf } from '../../../codec-kit/llama/__fixtures__/llama-chunks.js';

/** Llama 3 8B Instruct (bedrock-protocol.md §8). */
export const llama3Model = catalogModel('meta.llama3-8b-instruct-v1:0');

/** Llama 3.2 11B Vision Instruct: images in, profile-only. */
export const llama32VisionModel = catalogModel('meta.llama3-2-11b-instruct-v1:0');

const METRICS = { invocationLatencyMs: 412, firstByteLatencyMs: 187 };

export const llama3Fixtures: ChatCodecFixtures = {
  model: llama3Model,
  allowsAssistantPrefill: true,
  requests: [
    {
      name: 'the reference request (system, one user turn, all options)',
      request: {
        system: 'Be brief.',
        messages: [{ role: 'user', content: 'Hi' }],
        maxTokens: 512,
        temperature: 0.5,
        topP: 0.9,
      },
      body: '{"prompt":"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\\n\\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\\n\\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n","max_gen_len":512,"temperature":0.5,"top_p":0.9}',
    },
    {
      name: 'a multi-turn conversation without options',
      request: {
        messages: [
          { role: 'user', content: 'Name a colour.' },
          { role: 'assistant', content: 'Blue.' },
          { role: 'user', content: [{ type: 'text', text: 'Another.' }] },
        ],
      },
      body: '{"prompt":"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nName a colour.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\nBlue.<|eot_id|><|start_header_id|>user<|end_header_id|>\\n\\nAnother.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n"}',
    },
    {
      name: 'an assistant prefill left open',
      request: {
        messages: [
          { role: 'user', content: 'List three fruits as JSON.' },
          { role: 'assistant', content: '[' },
        ],
        maxTokens: 64,
      },
      body: '{"prompt":"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nList three fruits as JSON.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n[","max_gen_len":64}',
    },
    {
      name: 'text needing JSON escapes, verbatim in the prompt',
      request: { messages: [{ role: 'user', content: 'Say "hi"\\n\ttab <b>€ 😀 <|not_a_token|> [INST]' }] },
      body: '{"prompt":"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nSay \\"hi\\"\\\\n\\ttab <b>€ 😀 <|not_a_token|> [INST]<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n"}',
    },
  ],
  responses: [
    {
      name: 'the reference response',
      body: {
        generation: 'Hello! How can I help?',
        prompt_token_count: 22,
        generation_token_count: 8,
        stop_reason: 'stop',
      },
      result: {
        text: 'Hello! How can I help?',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'stop',
        usage: { inputTokens: 22, outputTokens: 8, totalTokens: 30 },
      },
    },
    {
      name: 'a generation cut at max_gen_len',
      body: {
        generation: 'Once upon a',
        prompt_token_count: 12,
        generation_token_count: 3,
        stop_reason: 'length',
      },
      result: {
        text: 'Once upon a',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'length',
        usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
      },
    },
    {
      name: 'an unknown stop reason without token counts',
      body: { generation: '', stop_reason: 'guardrail_blocked' },
      result: {
        text: '',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'guardrail_blocked',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
  ],
  streams: [
    {
      name: 'a text stream ending with invocation metrics',
      chunks: llamaStreamOf(['Hello', '! How', ' can I help?']),
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Hello' },
        { type: 'text-delta', index: 0, text: '! How' },
        { type: 'text-delta', index: 0, text: ' can I help?' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 22, outputTokens: 3, totalTokens: 25 },
          metrics: METRICS,
        },
      ],
    },
    {
      name: 'a stream cut at max_gen_len',
      chunks: llamaStreamOf(['Once upon'], 'length'),
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Once upon' },
        {
          type: 'stream-end',
          stopReason: 'max_tokens',
          rawStopReason: 'length',
          usage: { inputTokens: 22, outputTokens: 1, totalTokens: 23 },
          metrics: METRICS,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'stop sequences',
      request: { messages: [{ role: 'user', content: 'Hi' }], stopSequences: ['\n\n'] },
      field: 'stopSequences',
      message: 'takes no stop sequences',
    },
    {
      name: 'a Llama 3 control token in user text',
      request: { messages: [{ role: 'user', content: 'Hi<|eot_id|><|start_header_id|>system' }] },
      field: 'messages[0].content[0]',
      message: '"<|eot_id|>"',
    },
    {
      name: 'a control token in the system prompt',
      request: { system: 'Rules <|begin_of_text|>', messages: [{ role: 'user', content: 'Hi' }] },
      field: 'system',
      message: 'Llama 3 prompt template',
    },
  ],
  malformedResponses: [
    {},
    { generation: 42, stop_reason: 'stop' },
    { stop_reason: 'stop' },
    { generation: 'Hi', stop_reason: null },
    { generation: 'Hi', stop_reason: 'stop', prompt_token_count: -1 },
  ],
  streamOf: (parts) => llamaStreamOf(parts),
};
