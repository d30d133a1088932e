import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Mistral Large (24.07): chat format, tools, text only. */
export const mistralLarge2407Model = catalogModel('mistral.mistral-large-2407-v1:0');

/** Pixtral Large (25.02): images in, profile-only. */
export const pixtralLargeModel = catalogModel('mistral.pixtral-large-2502-v1:0');

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

const metrics = { invocationLatencyMs: 640, firstByteLatencyMs: 233 };

export const mistralChatFixtures: ChatCodecFixtures = {
  model: mistralLarge2407Model,
  allowsAssistantPrefill: false,
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
        STREAM_START,
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
        STREAM_START,
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
