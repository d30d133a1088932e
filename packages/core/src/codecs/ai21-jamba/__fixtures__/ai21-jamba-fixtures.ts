import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Jamba 1.5 Mini, as the catalog lists it. */
export const jamba15MiniModel = catalogModel('ai21.jamba-1-5-mini-v1:0');

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
} as const;

const id = 'chatcmpl-5a7e2b1f-8c3d-4e6a-9b0c-1d2e3f4a5b6c';

/** Jamba's native chunks for a text answer streamed as `parts`; the last carries usage and metrics. */
function ai21JambaStreamOf(parts: readonly string[]): readonly unknown[] {
  return [
    { id, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], usage: null },
    ...parts.map((content) => ({
      id,
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
      usage: null,
    })),
    {
      id,
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: parts.length, total_tokens: 10 + parts.length },
      'amazon-bedrock-invocationMetrics': {
        inputTokenCount: 10,
        outputTokenCount: parts.length,
        invocationLatency: 1234,
        firstByteLatency: 456,
      },
    },
  ];
}

export const ai21JambaFixtures: ChatCodecFixtures = {
  model: jamba15MiniModel,
  maxTemperature: 2,
  allowsAssistantPrefill: false,
  requests: [
    {
      name: 'the bedrock-protocol.md §5.9 request (system, options)',
      request: {
        system: 'You are a helpful assistant.',
        messages: [{ role: 'user', content: 'Hi' }],
        maxTokens: 1024,
        temperature: 0.4,
        topP: 1,
        stopSequences: [],
      },
      body:
        '{"messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Hi"}],' +
        '"max_tokens":1024,"temperature":0.4,"top_p":1,"stop":[]}',
    },
    {
      name: 'a string message without options',
      request: { messages: [{ role: 'user', content: 'Hello' }] },
      body: '{"messages":[{"role":"user","content":"Hello"}]}',
    },
    {
      name: 'a tool round trip (tool_calls, tool messages before the user text, tools, auto choice not sent)',
      request: {
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: [
              { type: 'tool-use', toolUseId: 'call_6b2d', name: 'get_weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool-result', toolUseId: 'call_6b2d', content: '{"temp_c":18}' },
              { type: 'text', text: 'Answer in Celsius.' },
            ],
          },
        ],
        tools: [weatherTool],
        toolChoice: { type: 'auto' },
      },
      body:
        '{"messages":[{"role":"user","content":"Weather in Paris?"},' +
        '{"role":"assistant","content":"","tool_calls":[{"id":"call_6b2d","type":"function",' +
        '"function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},' +
        '{"role":"tool","content":"{\\"temp_c\\":18}","tool_call_id":"call_6b2d"},' +
        '{"role":"user","content":"Answer in Celsius."}],' +
        '"tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather for a city",' +
        '"parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}',
    },
    {
      name: 'text parts joined with a newline and a temperature above 1',
      request: {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Line one' },
              { type: 'text', text: 'Line two' },
            ],
          },
        ],
        temperature: 1.5,
      },
      body: '{"messages":[{"role":"user","content":"Line one\\nLine two"}],"temperature":1.5}',
    },
  ],
  responses: [
    {
      name: 'the bedrock-protocol.md §5.9 response',
      body: {
        id,
        model: 'jamba-1.5-large',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Hello!', tool_calls: null },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
      },
      result: {
        text: 'Hello!',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'stop',
        usage: { inputTokens: 10, outputTokens: 3, totalTokens: 13 },
      },
    },
    {
      name: 'tool calls with string and object arguments',
      body: {
        id,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
                },
                {
                  id: 'call_2',
                  type: 'function',
                  function: { name: 'get_weather', arguments: { city: 'Lyon' } },
                },
                { id: 'call_3', type: 'function', function: { name: 'get_time', arguments: '' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
      },
      result: {
        text: '',
        toolCalls: [
          { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { toolUseId: 'call_2', name: 'get_weather', input: { city: 'Lyon' } },
          { toolUseId: 'call_3', name: 'get_time', input: {} },
        ],
        stopReason: 'tool_use',
        rawStopReason: 'tool_calls',
        usage: { inputTokens: 120, outputTokens: 40, totalTokens: 160 },
      },
    },
    {
      name: 'a length cut',
      body: {
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Once upon' }, finish_reason: 'length' },
        ],
        usage: { prompt_tokens: 8, completion_tokens: 2, total_tokens: 10 },
      },
      result: {
        text: 'Once upon',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'length',
        usage: { inputTokens: 8, outputTokens: 2, totalTokens: 10 },
      },
    },
  ],
  streams: [
    {
      name: 'the bedrock-protocol.md §5.9 stream',
      chunks: [
        { id, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], usage: null },
        { id, choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }], usage: null },
        { id, choices: [{ index: 0, delta: { content: 'lo!' }, finish_reason: null }], usage: null },
        {
          id,
          choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 10,
            outputTokenCount: 3,
            invocationLatency: 1234,
            firstByteLatency: 456,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Hel' },
        { type: 'text-delta', index: 0, text: 'lo!' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'stop',
          usage: { inputTokens: 10, outputTokens: 3, totalTokens: 13 },
          metrics: { invocationLatencyMs: 1234, firstByteLatencyMs: 456 },
        },
      ],
    },
    {
      name: 'a streamed tool call (block index = tool call index + 1)',
      chunks: [
        { id, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }], usage: null },
        {
          id,
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  {
                    index: 0,
                    id: 'call_1',
                    type: 'function',
                    function: { name: 'get_weather', arguments: '' },
                  },
                ],
              },
              finish_reason: null,
            },
          ],
          usage: null,
        },
        {
          id,
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
              finish_reason: null,
            },
          ],
          usage: null,
        },
        {
          id,
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
              finish_reason: null,
            },
          ],
          usage: null,
        },
        {
          id,
          choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
          usage: { prompt_tokens: 120, completion_tokens: 40, total_tokens: 160 },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 120,
            outputTokenCount: 40,
            invocationLatency: 700,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'tool-use-delta', index: 1, toolUseId: 'call_1', name: 'get_weather', inputJson: '' },
        { type: 'tool-use-delta', index: 1, toolUseId: 'call_1', name: 'get_weather', inputJson: '{"city":' },
        { type: 'tool-use-delta', index: 1, toolUseId: 'call_1', name: 'get_weather', inputJson: '"Paris"}' },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'tool_calls',
          usage: { inputTokens: 120, outputTokens: 40, totalTokens: 160 },
          metrics: { invocationLatencyMs: 700, firstByteLatencyMs: undefined },
        },
      ],
    },
    {
      name: 'a last chunk without usage (token counts from the invocation metrics)',
      chunks: [
        { id, choices: [{ index: 0, delta: { content: 'Once' }, finish_reason: null }], usage: null },
        {
          id,
          choices: [{ index: 0, delta: { content: ' upon' }, finish_reason: 'length' }],
          usage: null,
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 8,
            outputTokenCount: 2,
            invocationLatency: 95,
            firstByteLatency: 40,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Once' },
        { type: 'text-delta', index: 0, text: ' upon' },
        {
          type: 'stream-end',
          stopReason: 'max_tokens',
          rawStopReason: 'length',
          usage: { inputTokens: 8, outputTokens: 2, totalTokens: 10 },
          metrics: { invocationLatencyMs: 95, firstByteLatencyMs: 40 },
        },
      ],
    },
    {
      name: 'a stream cut before finish_reason (finish ends it with what was seen)',
      chunks: [{ id, choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }], usage: null }],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Hel' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'end_turn',
          usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
          metrics: undefined,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a forced tool choice',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [weatherTool],
        toolChoice: { type: 'any' },
      },
      field: 'toolChoice',
      message: 'remove toolChoice or set it to auto',
    },
    {
      name: 'a tool name with a dot',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ ...weatherTool, name: 'weather.get' }],
      },
      field: 'tools[0].name',
      message: 'Jamba tool names must be 1 to 64',
    },
  ],
  malformedResponses: [
    {},
    { choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } },
    { choices: [{ message: { content: 'Hi' }, finish_reason: 'stop' }] },
    { choices: [{ message: { content: 'Hi' } }], usage: { prompt_tokens: 1, completion_tokens: 1 } },
    {
      choices: [{ message: { content: 7 }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1 },
    },
    {
      choices: [
        {
          message: {
            content: null,
            tool_calls: [{ id: 'call_1', function: { name: 'get_weather', arguments: '{"city":' } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1 },
    },
    {
      choices: [
        {
          message: { tool_calls: [{ function: { name: 'get_weather', arguments: '{}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1 },
    },
  ],
  streamOf: ai21JambaStreamOf,
};
