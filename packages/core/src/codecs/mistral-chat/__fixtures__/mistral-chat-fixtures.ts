import type { CatalogModel } from '../../../catalog/catalog-model.js';
import type { ChatCodecFixtures } from '../../../testing/define-codec-suite.js';

/** Mirrors the catalog entry of Mistral Large (24.07): chat format, tools, 128K context. */
export const mistralLarge2407Model: CatalogModel = {
  modelId: 'mistral.mistral-large-2407-v1:0',
  modelName: 'Mistral Large (24.07)',
  provider: 'Mistral AI',
  family: 'mistral-chat',
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  streaming: true,
  inferenceTypes: ['ON_DEMAND'],
  customizations: [],
  contextWindow: 131_072,
  maxOutputTokens: 8192,
  toolUse: true,
  systemPrompt: true,
  lifecycle: 'ACTIVE',
  regions: ['us-west-2'],
  requiresAgreement: true,
  pricing: { inputPer1k: 0.002, outputPer1k: 0.006 },
  profiles: [],
};

/** Mirrors Pixtral Large (25.02): images in, profile-only. */
export const pixtralLargeModel: CatalogModel = {
  ...mistralLarge2407Model,
  modelId: 'mistral.pixtral-large-2502-v1:0',
  modelName: 'Pixtral Large (25.02)',
  inputModalities: ['TEXT', 'IMAGE'],
  inferenceTypes: ['INFERENCE_PROFILE'],
  maxOutputTokens: 16_384,
  regions: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  profiles: ['us', 'eu'],
};

const MISTRAL_CHAT_METRICS = {
  inputTokenCount: 18,
  outputTokenCount: 9,
  invocationLatency: 640,
  firstByteLatency: 233,
};

const header = {
  id: 'cmpl-5f0b',
  object: 'chat.completion.chunk',
  created: 1_721_000_000,
  model: 'mistral-large-2407',
};

/** One OpenAI-like chunk holding `delta` for choice 0. */
export function mistralChatChunk(
  delta: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...header, choices: [{ index: 0, delta, finish_reason: null, stop_reason: null }], ...extra };
}

/** The last chunk: stop reason in both fields, usage, and the invocation metrics. */
export function mistralChatFinalChunk(
  reason: string,
  usage?: { prompt_tokens: number; completion_tokens: number },
): Record<string, unknown> {
  return {
    ...header,
    choices: [{ index: 0, delta: { content: '' }, finish_reason: reason, stop_reason: reason }],
    ...(usage !== undefined && {
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }),
    'amazon-bedrock-invocationMetrics': MISTRAL_CHAT_METRICS,
  };
}

/** A realistic text stream: a role chunk, one content delta per part, then the final chunk. */
function mistralChatStreamOf(parts: readonly string[]): readonly unknown[] {
  return [
    mistralChatChunk({ role: 'assistant', content: '' }),
    ...parts.map((content) => mistralChatChunk({ content })),
    mistralChatFinalChunk('stop', { prompt_tokens: 18, completion_tokens: parts.length }),
  ];
}

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const start = { type: 'stream-start', modelId: 'test-model', requestId: 'req-1' } as const;
const metrics = { invocationLatencyMs: 640, firstByteLatencyMs: 233 };

export const mistralChatFixtures: ChatCodecFixtures = {
  model: mistralLarge2407Model,
  requests: [
    {
      name: 'the reference shape (system, tool call, tool result, tools, tool_choice, options)',
      request: {
        system: 'Use tools when useful.',
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: [
              { type: 'tool-use', toolUseId: 'abc123xyz', name: 'get_weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool-result', toolUseId: 'abc123xyz', content: '{"tempC":18}' }],
          },
        ],
        tools: [WEATHER_TOOL],
        toolChoice: { type: 'auto' },
        maxTokens: 1024,
        temperature: 0.7,
        topP: 1,
      },
      body:
        '{"messages":[{"role":"system","content":"Use tools when useful."},{"role":"user","content":"Weather in Paris?"},' +
        '{"role":"assistant","content":"","tool_calls":[{"id":"abc123xyz","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},' +
        '{"role":"tool","tool_call_id":"abc123xyz","content":"{\\"tempC\\":18}"}],' +
        '"tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather for a city.","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],' +
        '"tool_choice":"auto","max_tokens":1024,"temperature":0.7,"top_p":1}',
    },
    {
      name: 'a plain user message without options',
      request: { messages: [{ role: 'user', content: 'Hi' }] },
      body: '{"messages":[{"role":"user","content":"Hi"}]}',
    },
    {
      name: 'a multi-turn conversation with stop sequences',
      request: {
        messages: [
          { role: 'user', content: 'Count: 1' },
          { role: 'assistant', content: '2' },
          { role: 'user', content: 'Next "3"?' },
        ],
        stopSequences: ['\n', 'END'],
      },
      body: '{"messages":[{"role":"user","content":"Count: 1"},{"role":"assistant","content":"2"},{"role":"user","content":"Next \\"3\\"?"}],"stop":["\\n","END"]}',
    },
    {
      name: 'a forced tool as tool_choice any with only that tool',
      request: {
        messages: [{ role: 'user', content: 'Weather?' }],
        tools: [WEATHER_TOOL, { name: 'get_time', inputSchema: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 'get_time' },
      },
      body: '{"messages":[{"role":"user","content":"Weather?"}],"tools":[{"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}],"tool_choice":"any"}',
    },
  ],
  responses: [
    {
      name: 'a text answer with the documented stop_reason and no usage',
      body: {
        choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour !' }, stop_reason: 'stop' }],
      },
      result: {
        text: 'Bonjour !',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'stop',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
    {
      name: 'a tool call with the captured finish_reason and usage',
      body: {
        id: 'cmpl-1',
        object: 'chat.completion',
        model: 'mistral-large-2407',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: '',
              tool_calls: [
                { id: 'D681PevKs', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 95, completion_tokens: 21, total_tokens: 116 },
      },
      result: {
        text: '',
        toolCalls: [{ toolUseId: 'D681PevKs', name: 'get_weather', input: { city: 'Paris' } }],
        stopReason: 'tool_use',
        rawStopReason: 'tool_calls',
        usage: { inputTokens: 95, outputTokens: 21, totalTokens: 116 },
      },
    },
    {
      name: 'an answer cut at max_tokens',
      body: {
        choices: [
          { message: { content: 'Once', tool_calls: null }, stop_reason: 'length', finish_reason: 'length' },
        ],
      },
      result: {
        text: 'Once',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'length',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
  ],
  streams: [
    {
      name: 'a text stream with usage on the final chunk',
      chunks: mistralChatStreamOf(['Bon', 'jour', ' !']),
      events: [
        start,
        { type: 'text-delta', index: 0, text: 'Bon' },
        { type: 'text-delta', index: 0, text: 'jour' },
        { type: 'text-delta', index: 0, text: ' !' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 18, outputTokens: 3, totalTokens: 21 },
          metrics,
        },
      ],
    },
    {
      name: 'a tool call sent whole in one delta, usage from the metrics',
      chunks: [
        mistralChatChunk({ role: 'assistant', content: '' }),
        mistralChatChunk({
          content: '',
          tool_calls: [
            { id: 'D681PevKs', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } },
          ],
        }),
        mistralChatFinalChunk('tool_calls'),
      ],
      events: [
        start,
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'D681PevKs',
          name: 'get_weather',
          inputJson: '{"city": "Paris"}',
        },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'tool_calls',
          usage: { inputTokens: 18, outputTokens: 9, totalTokens: 27 },
          metrics,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'temperature above 1',
      request: { messages: [{ role: 'user', content: 'Hi' }], temperature: 1.5 },
      field: 'temperature',
      message: 'between 0 and 1',
    },
    {
      name: 'an assistant prefill',
      request: {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hel' },
        ],
      },
      field: 'messages[1].role',
      message: 'cannot continue an assistant message',
    },
    {
      name: 'a tool result answering no call',
      request: {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-use', toolUseId: 'abc123xyz', name: 'get_weather', input: {} }],
          },
          { role: 'user', content: [{ type: 'tool-result', toolUseId: 'zzz999zzz', content: '18' }] },
        ],
        tools: [WEATHER_TOOL],
      },
      field: 'messages[2].content[0].toolUseId',
      message: 'made no tool call with that id',
    },
    {
      name: 'a tool call left unanswered',
      request: {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-use', toolUseId: 'abc123xyz', name: 'get_weather', input: {} }],
          },
          { role: 'user', content: 'Never mind.' },
        ],
        tools: [WEATHER_TOOL],
      },
      field: 'messages[2].content',
      message: 'needs a tool-result part for every tool call',
    },
    {
      name: 'a tool name with a space',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ name: 'get weather', inputSchema: {} }],
      },
      field: 'tools[0].name',
      message: 'rename the tool',
    },
    {
      name: 'an image on the text-only Large 2407',
      request: {
        messages: [{ role: 'user', content: [{ type: 'image', format: 'png', data: 'iVBORw0KGgo=' }] }],
      },
      field: 'messages[0].content[0]',
      message: 'accepts text only',
    },
  ],
  malformedResponses: [
    {},
    { choices: [] },
    { choices: [{ message: { content: 'no stop reason' } }] },
    { choices: [{ message: { content: 42 }, stop_reason: 'stop' }] },
    {
      choices: [
        {
          message: { tool_calls: [{ id: 'abc123xyz', function: { name: 'f', arguments: '{oops' } }] },
          stop_reason: 'tool_calls',
        },
      ],
    },
    { outputs: [{ text: 'text format', stop_reason: 'stop' }] },
  ],
  streamOf: mistralChatStreamOf,
};
