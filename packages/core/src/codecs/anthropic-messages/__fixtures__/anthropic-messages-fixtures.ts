import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Claude 3 Haiku, as the catalog lists it. */
export const claude3HaikuModel = catalogModel('anthropic.claude-3-haiku-20240307-v1:0');

const invocationMetrics = {
  inputTokenCount: 25,
  outputTokenCount: 57,
  invocationLatency: 1234,
  firstByteLatency: 456,
};

const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
} as const;

/** The bedrock-protocol.md §5.1 stream, with the tool input completed by a second fragment. */
const toolStreamChunks = [
  {
    type: 'message_start',
    message: {
      id: 'msg_bdrk_01QjKY4iZgTq69BYEKRD112G',
      type: 'message',
      role: 'assistant',
      model: 'claude-3-5-sonnet-20241022',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me check' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'content_block_start',
    index: 1,
    content_block: {
      type: 'tool_use',
      id: 'toolu_bdrk_01T1x1fJ34qAmk2tNTrN7Up6',
      name: 'get_weather',
      input: {},
    },
  },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":"Pa' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'ris"}' } },
  { type: 'content_block_stop', index: 1 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { output_tokens: 57 },
  },
  { type: 'message_stop', 'amazon-bedrock-invocationMetrics': invocationMetrics },
];

/** Claude's native chunks for a text answer streamed as `parts`, ending with Bedrock's metrics chunk. */
export function anthropicMessagesStreamOf(parts: readonly string[]): readonly unknown[] {
  return [
    {
      type: 'message_start',
      message: {
        id: 'msg_bdrk_01',
        type: 'message',
        role: 'assistant',
        model: 'claude-3-haiku-20240307',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 25, output_tokens: 1 },
      },
    },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ...parts.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
    { type: 'content_block_stop', index: 0 },
    {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: parts.length },
    },
    {
      type: 'message_stop',
      'amazon-bedrock-invocationMetrics': { ...invocationMetrics, outputTokenCount: parts.length },
    },
  ];
}

export const anthropicMessagesFixtures: ChatCodecFixtures = {
  model: claude3HaikuModel,
  allowsAssistantPrefill: true,
  requests: [
    {
      name: 'the bedrock-protocol.md §5.1 request (text, image, options, tools)',
      request: {
        system: 'Be terse.',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Hi' },
              { type: 'image', format: 'png', data: 'iVBORw0KGgo=' },
            ],
          },
        ],
        maxTokens: 1024,
        temperature: 0.5,
        topP: 0.9,
        stopSequences: ['END'],
        tools: [weatherTool],
        toolChoice: { type: 'tool', name: 'get_weather' },
      },
      body:
        '{"anthropic_version":"bedrock-2023-05-31","max_tokens":1024,"system":"Be terse.",' +
        '"messages":[{"role":"user","content":[{"type":"text","text":"Hi"},' +
        '{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}],' +
        '"temperature":0.5,"top_p":0.9,"stop_sequences":["END"],' +
        '"tools":[{"name":"get_weather","description":"Current weather for a city",' +
        '"input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],' +
        '"tool_choice":{"type":"tool","name":"get_weather"}}',
    },
    {
      name: 'a string message with the default max_tokens',
      request: { messages: [{ role: 'user', content: 'Hello' }] },
      body:
        '{"anthropic_version":"bedrock-2023-05-31","max_tokens":4096,' +
        '"messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}',
    },
    {
      name: 'a tool round trip with a failed tool',
      request: {
        messages: [
          { role: 'user', content: 'Weather in Atlantis?' },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Let me check.' },
              {
                type: 'tool-use',
                toolUseId: 'toolu_bdrk_01',
                name: 'get_weather',
                input: { city: 'Atlantis' },
              },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool-result', toolUseId: 'toolu_bdrk_01', content: 'city not found', isError: true },
            ],
          },
        ],
        maxTokens: 256,
        tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
        toolChoice: { type: 'any' },
      },
      body:
        '{"anthropic_version":"bedrock-2023-05-31","max_tokens":256,"messages":[' +
        '{"role":"user","content":[{"type":"text","text":"Weather in Atlantis?"}]},' +
        '{"role":"assistant","content":[{"type":"text","text":"Let me check."},' +
        '{"type":"tool_use","id":"toolu_bdrk_01","name":"get_weather","input":{"city":"Atlantis"}}]},' +
        '{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_bdrk_01","content":"city not found","is_error":true}]}],' +
        '"tools":[{"name":"get_weather","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"}}',
    },
    {
      name: 'an assistant prefill and a successful tool result (no is_error)',
      request: {
        messages: [
          {
            role: 'user',
            content: [{ type: 'tool-result', toolUseId: 'toolu_bdrk_02', content: '{"temp_c":18}' }],
          },
          { role: 'assistant', content: '{"summary":' },
        ],
        toolChoice: { type: 'auto' },
      },
      body:
        '{"anthropic_version":"bedrock-2023-05-31","max_tokens":4096,"messages":[' +
        '{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_bdrk_02","content":"{\\"temp_c\\":18}"}]},' +
        '{"role":"assistant","content":[{"type":"text","text":"{\\"summary\\":"}]}]}',
    },
  ],
  responses: [
    {
      name: 'the bedrock-protocol.md §5.1 response',
      body: {
        id: 'msg_bdrk_01QjKY4iZgTq69BYEKRD112G',
        type: 'message',
        role: 'assistant',
        model: 'claude-3-5-sonnet-20241022',
        content: [{ type: 'text', text: 'Hello!' }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: {
          input_tokens: 10,
          output_tokens: 18,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
      result: {
        text: 'Hello!',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'end_turn',
        usage: { inputTokens: 10, outputTokens: 18, totalTokens: 28 },
      },
    },
    {
      name: 'a tool call after text',
      body: {
        id: 'msg_bdrk_02',
        type: 'message',
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'toolu_bdrk_01A', name: 'get_weather', input: { city: 'Paris' } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 25, output_tokens: 57 },
      },
      result: {
        text: 'Let me check.',
        toolCalls: [{ toolUseId: 'toolu_bdrk_01A', name: 'get_weather', input: { city: 'Paris' } }],
        stopReason: 'tool_use',
        rawStopReason: 'tool_use',
        usage: { inputTokens: 25, outputTokens: 57, totalTokens: 82 },
      },
    },
    {
      name: 'thinking skipped and text blocks joined at max_tokens',
      body: {
        content: [
          { type: 'thinking', thinking: 'The user greets me.', signature: 'EqQBCgIYAh' },
          { type: 'redacted_thinking', data: 'EmwKAhgBEgy' },
          { type: 'text', text: 'Hello' },
          { type: 'text', text: ' world' },
        ],
        stop_reason: 'max_tokens',
        usage: { input_tokens: 7, output_tokens: 2 },
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
      name: 'a stop sequence',
      body: {
        content: [{ type: 'text', text: 'one, two' }],
        stop_reason: 'stop_sequence',
        stop_sequence: 'END',
        usage: { input_tokens: 4, output_tokens: 3 },
      },
      result: {
        text: 'one, two',
        toolCalls: [],
        stopReason: 'stop_sequence',
        rawStopReason: 'stop_sequence',
        usage: { inputTokens: 4, outputTokens: 3, totalTokens: 7 },
      },
    },
    {
      name: 'a refusal',
      body: { content: [], stop_reason: 'refusal', usage: { input_tokens: 9, output_tokens: 0 } },
      result: {
        text: '',
        toolCalls: [],
        stopReason: 'content_filtered',
        rawStopReason: 'refusal',
        usage: { inputTokens: 9, outputTokens: 0, totalTokens: 9 },
      },
    },
    {
      name: 'a stop reason newer than the table',
      body: {
        content: [{ type: 'text', text: 'ok' }],
        stop_reason: 'some_future_reason',
        usage: { input_tokens: 1, output_tokens: 1 },
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
      name: 'the bedrock-protocol.md §5.1 stream (text then a tool call)',
      chunks: toolStreamChunks,
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Let me check' },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'toolu_bdrk_01T1x1fJ34qAmk2tNTrN7Up6',
          name: 'get_weather',
          inputJson: '{"city":"Pa',
        },
        {
          type: 'tool-use-delta',
          index: 1,
          toolUseId: 'toolu_bdrk_01T1x1fJ34qAmk2tNTrN7Up6',
          name: 'get_weather',
          inputJson: 'ris"}',
        },
        {
          type: 'stream-end',
          stopReason: 'tool_use',
          rawStopReason: 'tool_use',
          usage: { inputTokens: 25, outputTokens: 57, totalTokens: 82 },
          metrics: { invocationLatencyMs: 1234, firstByteLatencyMs: 456 },
        },
      ],
    },
    {
      name: 'a tool call without input fragments (one empty fragment on content_block_stop)',
      chunks: [
        { type: 'message_start', message: { usage: { input_tokens: 30, output_tokens: 1 } } },
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'tool_use', id: 'toolu_bdrk_03', name: 'get_time', input: {} },
        },
        { type: 'content_block_stop', index: 0 },
        { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 12 } },
        { type: 'message_stop', 'amazon-bedrock-invocationMetrics': { invocationLatency: 300 } },
      ],
      events: [
        STREAM_START,
        { type: 'tool-use-delta', index: 0, toolUseId: 'toolu_bdrk_03', name: 'get_time', inputJson: '' },
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
      name: 'thinking blocks, ping and empty deltas skipped; usage from the invocation metrics',
      chunks: [
        { type: 'message_start', message: { id: 'msg_bdrk_04', content: [] } },
        { type: 'ping' },
        { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: '' } },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Hi' } },
        { type: 'content_block_stop', index: 1 },
        { type: 'message_delta', delta: { stop_reason: 'max_tokens' } },
        {
          type: 'message_stop',
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 12,
            outputTokenCount: 3,
            invocationLatency: 800,
            firstByteLatency: 200,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 1, text: 'Hi' },
        {
          type: 'stream-end',
          stopReason: 'max_tokens',
          rawStopReason: 'max_tokens',
          usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
          metrics: { invocationLatencyMs: 800, firstByteLatencyMs: 200 },
        },
      ],
    },
    {
      name: 'a stream cut before message_delta (finish ends it with what was seen)',
      chunks: toolStreamChunks.slice(0, 3),
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Let me check' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'end_turn',
          usage: { inputTokens: 25, outputTokens: 1, totalTokens: 26 },
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
      message: 'empty text part, which Claude rejects; remove it or add text',
    },
    {
      name: 'a prefill ending in whitespace',
      request: {
        messages: [
          { role: 'user', content: 'Give me JSON' },
          { role: 'assistant', content: '{\n' },
        ],
      },
      field: 'messages[1].content',
      message: 'trim the trailing spaces',
    },
    {
      name: 'a tool name with a space',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ name: 'get weather', inputSchema: { type: 'object' } }],
      },
      field: 'tools[0].name',
      message: '1 to 64 letters, digits, _ or -',
    },
    {
      name: 'two tools with one name',
      request: { messages: [{ role: 'user', content: 'Hi' }], tools: [weatherTool, weatherTool] },
      field: 'tools[1].name',
      message: 'give each tool a unique name',
    },
    {
      name: 'a toolChoice naming a missing tool',
      request: {
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [weatherTool],
        toolChoice: { type: 'tool', name: 'get_time' },
      },
      field: 'toolChoice',
      message: 'not among tools',
    },
  ],
  malformedResponses: [
    {},
    { content: [{ type: 'text' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } },
    {
      content: [{ type: 'tool_use', name: 'get_weather', input: {} }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 1, output_tokens: 1 },
    },
    {
      content: [{ type: 'tool_use', id: 'toolu_bdrk_1', name: 'get_weather', input: '{"city":"Paris"}' }],
      stop_reason: 'tool_use',
      usage: { input_tokens: 1, output_tokens: 1 },
    },
    { content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn' },
    { content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 1 } },
    { content: 'Hello!', stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } },
    { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  ],
  streamOf: anthropicMessagesStreamOf,
};
