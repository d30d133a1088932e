import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Command R+ (128K context, max_tokens up to 4,096, tools), as the catalog lists it. */
export const commandRPlusModel = catalogModel('cohere.command-r-plus-v1:0');

export const GENERATION_ID = '586ac33f-9c64-452c-8f8d-e5890e73b6fb';
const COHERE_METRICS = {
  inputTokenCount: 34,
  outputTokenCount: 12,
  invocationLatency: 980,
  firstByteLatency: 310,
};

/** The last event: `stream-end` with the whole response and the invocation metrics. */
export function cohereStreamEnd(finishReason: string, text: string): Record<string, unknown> {
  return {
    is_finished: true,
    event_type: 'stream-end',
    finish_reason: finishReason,
    response: {
      response_id: 'ac6d5f86',
      text,
      generation_id: GENERATION_ID,
      chat_history: [],
      finish_reason: finishReason,
    },
    'amazon-bedrock-invocationMetrics': COHERE_METRICS,
  };
}

export const cohereStreamStart = {
  is_finished: false,
  event_type: 'stream-start',
  generation_id: GENERATION_ID,
};

/** A realistic text stream: stream-start, one text-generation per part, stream-end with the metrics. */
function cohereStreamOf(parts: readonly string[]): readonly unknown[] {
  return [
    cohereStreamStart,
    ...parts.map((text) => ({ is_finished: false, event_type: 'text-generation', text })),
    cohereStreamEnd('COMPLETE', parts.join('')),
  ];
}

const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  inputSchema: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'City name' },
      days: { type: 'integer' },
      units: { type: ['string', 'null'], enum: ['C', 'F'] },
      hours: { type: 'array', items: { type: 'number' } },
    },
    required: ['city'],
  },
};

const metrics = { invocationLatencyMs: 980, firstByteLatencyMs: 310 };
const metricsUsage = { inputTokens: 34, outputTokens: 12, totalTokens: 46 };

export const cohereCommandRFixtures: ChatCodecFixtures = {
  model: commandRPlusModel,
  allowsAssistantPrefill: false,
  requests: [
    {
      name: 'the reference request (history, preamble, options)',
      request: {
        system: 'You are helpful.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello' },
          { role: 'user', content: 'What is Bedrock?' },
        ],
        maxTokens: 512,
        temperature: 0.3,
        topP: 0.75,
      },
      body: '{"message":"What is Bedrock?","chat_history":[{"role":"USER","message":"Hi"},{"role":"CHATBOT","message":"Hello"}],"preamble":"You are helpful.","max_tokens":512,"temperature":0.3,"p":0.75}',
    },
    {
      name: 'tools as parameter_definitions, with stop sequences',
      request: {
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        stopSequences: ['END'],
        tools: [WEATHER_TOOL],
      },
      body:
        '{"message":"Weather in Paris?","stop_sequences":["END"],"tools":[{"name":"get_weather","description":"Current weather for a city.","parameter_definitions":{' +
        '"city":{"description":"City name","type":"str","required":true},"days":{"type":"int","required":false},' +
        '"units":{"type":"str","required":false},"hours":{"type":"List[float]","required":false}}}]}',
    },
    {
      name: 'tool results for the last turn, with the call in chat_history',
      request: {
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'I will check the weather.' },
              {
                type: 'tool-use',
                toolUseId: `${GENERATION_ID}_0`,
                name: 'get_weather',
                input: { city: 'Paris' },
              },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool-result', toolUseId: `${GENERATION_ID}_0`, content: '{"tempC":18}' }],
          },
        ],
        tools: [
          { name: 'get_weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } },
        ],
      },
      body:
        '{"message":"","chat_history":[{"role":"USER","message":"Weather in Paris?"},' +
        '{"role":"CHATBOT","message":"I will check the weather.","tool_calls":[{"name":"get_weather","parameters":{"city":"Paris"}}]}],' +
        '"tools":[{"name":"get_weather","description":"","parameter_definitions":{"city":{"type":"str","required":false}}}],' +
        '"tool_results":[{"call":{"name":"get_weather","parameters":{"city":"Paris"}},"outputs":[{"text":"{\\"tempC\\":18}"}]}]}',
    },
    {
      name: 'an earlier tool round kept in chat_history as a TOOL entry',
      request: {
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: [{ type: 'tool-use', toolUseId: 'g_0', name: 'get_weather', input: { city: 'Oslo' } }],
          },
          {
            role: 'user',
            content: [
              { type: 'tool-result', toolUseId: 'g_0', content: '-3' },
              { type: 'text', text: 'And tomorrow?' },
            ],
          },
          { role: 'assistant', content: 'Cold, -3°C.' },
          { role: 'user', content: 'Thanks "a lot"' },
        ],
        tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
      },
      body:
        '{"message":"Thanks \\"a lot\\"","chat_history":[{"role":"USER","message":"Weather?"},' +
        '{"role":"CHATBOT","message":"","tool_calls":[{"name":"get_weather","parameters":{"city":"Oslo"}}]},' +
        '{"role":"TOOL","tool_results":[{"call":{"name":"get_weather","parameters":{"city":"Oslo"}},"outputs":[{"text":"-3"}]}]},' +
        '{"role":"USER","message":"And tomorrow?"},{"role":"CHATBOT","message":"Cold, -3°C."}],' +
        '"tools":[{"name":"get_weather","description":"","parameter_definitions":{}}]}',
    },
  ],
  responses: [
    {
      name: 'the reference response',
      body: {
        response_id: '7e2c',
        text: 'Bedrock is a managed service.',
        generation_id: GENERATION_ID,
        finish_reason: 'COMPLETE',
        chat_history: [
          { role: 'USER', message: 'What is Bedrock?' },
          { role: 'CHATBOT', message: 'Bedrock is a managed service.' },
        ],
        citations: [],
        tool_calls: [],
      },
      result: {
        text: 'Bedrock is a managed service.',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'COMPLETE',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
    {
      name: 'a tool call (COMPLETE with tool_calls reads as tool_use)',
      body: {
        text: 'I will check the weather.',
        generation_id: GENERATION_ID,
        finish_reason: 'COMPLETE',
        tool_calls: [
          { name: 'get_weather', parameters: { city: 'Paris' } },
          { name: 'get_weather', parameters: { city: 'Rome' } },
        ],
      },
      result: {
        text: 'I will check the weather.',
        toolCalls: [
          { toolUseId: `${GENERATION_ID}_0`, name: 'get_weather', input: { city: 'Paris' } },
          { toolUseId: `${GENERATION_ID}_1`, name: 'get_weather', input: { city: 'Rome' } },
        ],
        stopReason: 'tool_use',
        rawStopReason: 'COMPLETE',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
    {
      name: 'an answer cut at max_tokens, with Cohere meta token counts',
      body: {
        text: 'Bedrock',
        finish_reason: 'MAX_TOKENS',
        meta: {
          billed_units: { input_tokens: 9, output_tokens: 1 },
          tokens: { input_tokens: 70, output_tokens: 1 },
        },
      },
      result: {
        text: 'Bedrock',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'MAX_TOKENS',
        usage: { inputTokens: 70, outputTokens: 1, totalTokens: 71 },
      },
    },
    {
      name: 'a toxic generation stopped',
      body: { text: '', finish_reason: 'ERROR_TOXIC', tool_calls: null },
      result: {
        text: '',
        toolCalls: [],
        stopReason: 'content_filtered',
        rawStopReason: 'ERROR_TOXIC',
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      },
    },
  ],
  streams: [
    {
      name: 'a text stream ending with stream-end and metrics',
      chunks: cohereStreamOf(['Bedrock', ' is', ' managed.']),
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Bedrock' },
        { type: 'text-delta', index: 0, text: ' is' },
        { type: 'text-delta', index: 0, text: ' managed.' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'COMPLETE',
          usage: metricsUsage,
          metrics,
        },
      ],
    },
    {
      name: 'a tool call streamed as tool-calls-chunk fragments',
      chunks: [
        cohereStreamStart,
        { is_finished: false, event_type: 'tool-calls-chunk', text: 'I will use get_weather.' },
        {
          is_finished: false,
          event_type: 'tool-calls-chunk',
          tool_call_delta: { index: 0, name: 'get_weather' },
        },
        {
          is_finished: false,
          event_type: 'tool-calls-chunk',
          tool_call_delta: { index: 0, parameters: '{\n    "city' },
        },
        {
          is_finished: false,
          event_type: 'tool-calls-chunk',
          tool_call_delta: { index: 0, parameters: '": "Paris"\n}' },
        },
        {
          is_finished: false,
          event_type: 'tool-calls-generation',
          text: 'I will use get_weather.',
          tool_calls: [{ name: 'get_weather', parameters: { city: 'Paris' } }],
        },
        cohereStreamEnd('COMPLETE', 'I will use get_weather.'),
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'I will use get_weather.' },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: `${GENERATION_ID}_0`,
          name: 'get_weather',
          inputJson: '',
        },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: `${GENERATION_ID}_0`,
          name: 'get_weather',
          inputJson: '{\n    "city',
        },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: `${GENERATION_ID}_0`,
          name: 'get_weather',
          inputJson: '": "Paris"\n}',
        },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'COMPLETE',
          usage: metricsUsage,
          metrics,
        },
      ],
    },
    {
      name: 'tool calls sent only as tool-calls-generation (older streams)',
      chunks: [
        cohereStreamStart,
        {
          is_finished: false,
          event_type: 'tool-calls-generation',
          text: 'Checking two cities.',
          tool_calls: [
            { name: 'get_weather', parameters: { city: 'Paris' } },
            { name: 'get_weather', parameters: { city: 'Rome' } },
          ],
        },
        cohereStreamEnd('COMPLETE', 'Checking two cities.'),
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Checking two cities.' },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: `${GENERATION_ID}_0`,
          name: 'get_weather',
          inputJson: '{"city":"Paris"}',
        },
        {
          type: 'tool-use-delta',
          index: 2,
          toolUseId: `${GENERATION_ID}_1`,
          name: 'get_weather',
          inputJson: '{"city":"Rome"}',
        },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'COMPLETE',
          usage: metricsUsage,
          metrics,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'topP of 1, above Cohere p maximum',
      request: { messages: [{ role: 'user', content: 'Hi' }], topP: 1 },
      field: 'topP',
      message: 'between 0.01 and 0.99',
    },
    {
      name: 'six stop sequences',
      request: { messages: [{ role: 'user', content: 'Hi' }], stopSequences: ['a', 'b', 'c', 'd', 'e', 'f'] },
      field: 'stopSequences',
      message: 'at most 5 stop sequences',
    },
    {
      name: 'a forced tool choice',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [WEATHER_TOOL],
        toolChoice: { type: 'any' },
      },
      field: 'toolChoice',
      message: 'Remove toolChoice or set it to auto',
    },
    {
      name: 'a tool whose input is not an object',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ name: 'list', inputSchema: { type: 'array' } }],
      },
      field: 'tools[0].inputSchema',
      message: 'type object',
    },
    {
      name: 'a tool result answering no call',
      request: {
        messages: [{ role: 'user', content: [{ type: 'tool-result', toolUseId: 'nope', content: '1' }] }],
      },
      field: 'messages[0].content[0].toolUseId',
      message: 'made no tool call with that id',
    },
  ],
  malformedResponses: [
    {},
    { text: 'no finish reason' },
    { text: 1, finish_reason: 'COMPLETE' },
    { text: '', finish_reason: 'COMPLETE', tool_calls: [{ name: 'f' }] },
    { generation: 'llama body', stop_reason: 'stop' },
  ],
  streamOf: cohereStreamOf,
};
