import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Nova Lite, as the catalog lists it. */
export const novaLiteModel = catalogModel('amazon.nova-lite-v1:0');

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
} as const;

/** Nova's native chunks for a text answer streamed as `parts`, ending with the metadata chunk. */
export function novaStreamOf(parts: readonly string[]): readonly unknown[] {
  return [
    { messageStart: { role: 'assistant' } },
    ...parts.map((text) => ({ contentBlockDelta: { delta: { text }, contentBlockIndex: 0 } })),
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: 'end_turn' } },
    {
      metadata: { usage: { inputTokens: 5, outputTokens: parts.length }, metrics: {}, trace: {} },
      'amazon-bedrock-invocationMetrics': {
        inputTokenCount: 5,
        outputTokenCount: parts.length,
        invocationLatency: 1234,
        firstByteLatency: 456,
      },
    },
  ];
}

export const novaFixtures: ChatCodecFixtures = {
  model: novaLiteModel,
  allowsAssistantPrefill: true,
  requests: [
    {
      name: 'the bedrock-protocol.md §5.5 request (system, image, inferenceConfig, toolConfig)',
      request: {
        system: 'Be concise.',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Hi' },
              { type: 'image', format: 'png', data: 'iVBORw0KGgo=' },
            ],
          },
        ],
        maxTokens: 500,
        temperature: 0.7,
        topP: 0.9,
        stopSequences: [],
        tools: [weatherTool],
        toolChoice: { type: 'auto' },
      },
      body:
        '{"schemaVersion":"messages-v1","system":[{"text":"Be concise."}],' +
        '"messages":[{"role":"user","content":[{"text":"Hi"},{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}}]}],' +
        '"inferenceConfig":{"maxTokens":500,"temperature":0.7,"topP":0.9,"stopSequences":[]},' +
        '"toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","description":"Current weather for a city",' +
        '"inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}}}}}}],"toolChoice":{"auto":{}}}}',
    },
    {
      name: 'a string message without options (no inferenceConfig, no toolConfig)',
      request: { messages: [{ role: 'user', content: 'Hello' }] },
      body: '{"schemaVersion":"messages-v1","messages":[{"role":"user","content":[{"text":"Hello"}]}]}',
    },
    {
      name: 'a tool round trip with a failed tool and a forced tool',
      request: {
        messages: [
          { role: 'user', content: 'Weather in Atlantis?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Checking.' },
              { type: 'tool-use', toolUseId: 'tooluse_01', name: 'get_weather', input: { city: 'Atlantis' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool-result', toolUseId: 'tooluse_01', content: 'city not found', isError: true },
            ],
          },
        ],
        maxTokens: 300,
        tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 'get_weather' },
      },
      body:
        '{"schemaVersion":"messages-v1","messages":[' +
        '{"role":"user","content":[{"text":"Weather in Atlantis?"}]},' +
        '{"role":"assistant","content":[{"text":"Checking."},' +
        '{"toolUse":{"toolUseId":"tooluse_01","name":"get_weather","input":{"city":"Atlantis"}}}]},' +
        '{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_01","content":[{"text":"city not found"}],"status":"error"}}]}],' +
        '"inferenceConfig":{"maxTokens":300},' +
        '"toolConfig":{"tools":[{"toolSpec":{"name":"get_weather","inputSchema":{"json":{"type":"object"}}}}],' +
        '"toolChoice":{"tool":{"name":"get_weather"}}}}',
    },
    {
      name: 'an assistant prefill, a successful tool result and temperature 0',
      request: {
        messages: [
          {
            role: 'user',
            content: [{ type: 'tool-result', toolUseId: 'tooluse_02', content: '{"temp_c":18}' }],
          },
          { role: 'assistant', content: '{"summary": ' },
        ],
        temperature: 0,
        toolChoice: { type: 'any' },
      },
      body:
        '{"schemaVersion":"messages-v1","messages":[' +
        '{"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_02","content":[{"text":"{\\"temp_c\\":18}"}],"status":"success"}}]},' +
        '{"role":"assistant","content":[{"text":"{\\"summary\\": "}]}],"inferenceConfig":{"temperature":0}}',
    },
  ],
  responses: [
    {
      name: 'the bedrock-protocol.md §5.5 response',
      body: {
        output: { message: { role: 'assistant', content: [{ text: 'Hello!' }] } },
        stopReason: 'end_turn',
        usage: {
          inputTokens: 5,
          outputTokens: 3,
          totalTokens: 8,
          cacheReadInputTokenCount: 0,
          cacheWriteInputTokenCount: 0,
        },
      },
      result: {
        text: 'Hello!',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'end_turn',
        usage: { inputTokens: 5, outputTokens: 3, totalTokens: 8 },
      },
    },
    {
      name: 'a tool call after text',
      body: {
        output: {
          message: {
            role: 'assistant',
            content: [
              { text: '<thinking>I need the weather tool.</thinking>' },
              {
                toolUse: {
                  toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
                  name: 'get_weather',
                  input: { city: 'Paris' },
                },
              },
            ],
          },
        },
        stopReason: 'tool_use',
        usage: { inputTokens: 420, outputTokens: 39, totalTokens: 459 },
      },
      result: {
        text: '<thinking>I need the weather tool.</thinking>',
        toolCalls: [
          { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', input: { city: 'Paris' } },
        ],
        stopReason: 'tool_use',
        rawStopReason: 'tool_use',
        usage: { inputTokens: 420, outputTokens: 39, totalTokens: 459 },
      },
    },
    {
      name: 'reasoning skipped and text blocks joined at max_tokens',
      body: {
        output: {
          message: {
            role: 'assistant',
            content: [
              { reasoningContent: { reasoningText: { text: 'Short.' } } },
              { text: 'Hello' },
              { text: ' world' },
            ],
          },
        },
        stopReason: 'max_tokens',
        usage: { inputTokens: 7, outputTokens: 2 },
      },
      result: {
        text: 'Hello world',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'max_tokens',
        usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9 },
      },
    },
    {
      name: 'a filtered answer',
      body: {
        output: { message: { role: 'assistant', content: [] } },
        stopReason: 'content_filtered',
        usage: { inputTokens: 9, outputTokens: 0, totalTokens: 9 },
      },
      result: {
        text: '',
        toolCalls: [],
        stopReason: 'content_filtered',
        rawStopReason: 'content_filtered',
        usage: { inputTokens: 9, outputTokens: 0, totalTokens: 9 },
      },
    },
    {
      name: 'a stop reason newer than the table',
      body: {
        output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
        stopReason: 'some_future_reason',
        usage: { inputTokens: 1, outputTokens: 1 },
      },
      result: {
        text: 'ok',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'some_future_reason',
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      },
    },
  ],
  streams: [
    {
      name: 'the bedrock-protocol.md §5.5 stream',
      chunks: [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { delta: { text: 'He' }, contentBlockIndex: 0 } },
        { contentBlockDelta: { delta: { text: 'llo!' }, contentBlockIndex: 0 } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: 'end_turn' } },
        {
          metadata: { usage: { inputTokens: 5, outputTokens: 3 }, metrics: {}, trace: {} },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 5,
            outputTokenCount: 3,
            invocationLatency: 1234,
            firstByteLatency: 456,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'He' },
        { type: 'text-delta', index: 0, text: 'llo!' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'end_turn',
          usage: { inputTokens: 5, outputTokens: 3, totalTokens: 8 },
          metrics: { invocationLatencyMs: 1234, firstByteLatencyMs: 456 },
        },
      ],
    },
    {
      name: 'text then a tool call',
      chunks: [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { delta: { text: 'Checking.' }, contentBlockIndex: 0 } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        {
          contentBlockStart: {
            start: { toolUse: { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather' } },
            contentBlockIndex: 1,
          },
        },
        { contentBlockDelta: { delta: { toolUse: { input: '{"city":' } }, contentBlockIndex: 1 } },
        { contentBlockDelta: { delta: { toolUse: { input: '"Paris"}' } }, contentBlockIndex: 1 } },
        { contentBlockStop: { contentBlockIndex: 1 } },
        { messageStop: { stopReason: 'tool_use' } },
        {
          metadata: { usage: { inputTokens: 420, outputTokens: 39 }, metrics: {}, trace: {} },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 420,
            outputTokenCount: 39,
            invocationLatency: 900,
            firstByteLatency: 310,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Checking.' },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
          name: 'get_weather',
          inputJson: '{"city":',
        },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q',
          name: 'get_weather',
          inputJson: '"Paris"}',
        },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'tool_use',
          usage: { inputTokens: 420, outputTokens: 39, totalTokens: 459 },
          metrics: { invocationLatencyMs: 900, firstByteLatencyMs: 310 },
        },
      ],
    },
    {
      name: 'a tool call without input fragments and usage only in the invocation metrics',
      chunks: [
        { messageStart: { role: 'assistant' } },
        {
          contentBlockStart: {
            start: { toolUse: { toolUseId: 'tooluse_03', name: 'get_time' } },
            contentBlockIndex: 0,
          },
        },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: 'tool_use' } },
        {
          metadata: { metrics: {}, trace: {} },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 30,
            outputTokenCount: 12,
            invocationLatency: 300,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'tool-use-delta', index: 0, toolUseId: 'tooluse_03', name: 'get_time', inputJson: '' },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'tool_use',
          usage: { inputTokens: 30, outputTokens: 12, totalTokens: 42 },
          metrics: { invocationLatencyMs: 300, firstByteLatencyMs: undefined },
        },
      ],
    },
    {
      name: 'invocation metrics on messageStop end the stream without a metadata chunk',
      chunks: [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { delta: { text: 'Hi' }, contentBlockIndex: 0 } },
        {
          messageStop: { stopReason: 'max_tokens' },
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 4,
            outputTokenCount: 1,
            invocationLatency: 210,
            firstByteLatency: 120,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Hi' },
        {
          type: 'stream-end',
          stopReason: 'max_tokens',
          rawStopReason: 'max_tokens',
          usage: { inputTokens: 4, outputTokens: 1, totalTokens: 5 },
          metrics: { invocationLatencyMs: 210, firstByteLatencyMs: 120 },
        },
      ],
    },
    {
      name: 'a stream cut before messageStop (finish ends it with what was seen)',
      chunks: [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { delta: { text: 'Hel' }, contentBlockIndex: 0 } },
      ],
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
      name: 'an empty text part',
      request: {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Hi' },
              { type: 'text', text: '' },
            ],
          },
        ],
      },
      field: 'messages[0].content[1].text',
      message: 'empty text part, which Nova rejects; remove it or add text',
    },
    {
      name: 'a tool name longer than 64 characters',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ name: 'x'.repeat(65), inputSchema: { type: 'object' } }],
      },
      field: 'tools[0].name',
      message: 'Nova tool names must be 1 to 64',
    },
  ],
  malformedResponses: [
    {},
    {
      output: { message: { content: [{ text: 5 }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 1, outputTokens: 1 },
    },
    {
      output: { message: { content: [{ toolUse: { toolUseId: 'tooluse_1', input: {} } }] } },
      stopReason: 'tool_use',
      usage: { inputTokens: 1, outputTokens: 1 },
    },
    { output: { message: { content: [{ text: 'Hi' }] } }, stopReason: 'end_turn' },
    { output: {}, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } },
    { output: { message: { content: [] } }, stopReason: null, usage: { inputTokens: 1, outputTokens: 1 } },
    { message: 'Malformed input request, please reformat your input and try again.' },
  ],
  streamOf: novaStreamOf,
};
