import { catalogModel, type ChatCodecFixtures, STREAM_START } from '../../../testing/define-codec-suite.js';

/** Titan Text Express; its `systemPrompt` is true because the codec folds a system prompt into `inputText`. */
export const titanTextExpressModel = catalogModel('amazon.titan-text-express-v1');

/** Titan's native chunks for an answer streamed as `parts`; the last one carries Bedrock's metrics. */
function titanTextStreamOf(parts: readonly string[]): readonly unknown[] {
  return parts.map((outputText, index) => {
    const last = index === parts.length - 1;
    return {
      outputText,
      index: 0,
      totalOutputTextTokenCount: index + 1,
      completionReason: last ? 'FINISH' : null,
      inputTextTokenCount: index === 0 ? 15 : null,
      ...(last && {
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 15,
          outputTokenCount: parts.length,
          invocationLatency: 1234,
          firstByteLatency: 456,
        },
      }),
    };
  });
}

export const titanTextFixtures: ChatCodecFixtures = {
  model: titanTextExpressModel,
  allowsAssistantPrefill: false,
  requests: [
    {
      name: 'the bedrock-protocol.md §5.2 request',
      request: {
        messages: [{ role: 'user', content: 'Tell me a joke' }],
        temperature: 0.7,
        topP: 0.9,
        maxTokens: 512,
        stopSequences: ['User:'],
      },
      body:
        '{"inputText":"User: Tell me a joke\\nBot:",' +
        '"textGenerationConfig":{"temperature":0.7,"topP":0.9,"maxTokenCount":512,"stopSequences":["User:"]}}',
    },
    {
      name: 'a conversation with a system prompt and a two-part turn (no textGenerationConfig)',
      request: {
        system: 'You are terse.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello! How can I help?' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Summarize:' },
              { type: 'text', text: 'Titan is a model family.' },
            ],
          },
        ],
      },
      body:
        '{"inputText":"You are terse.\\n\\nUser: Hi\\nBot: Hello! How can I help?\\n' +
        'User: Summarize:\\nTitan is a model family.\\nBot:"}',
    },
    {
      name: 'maxTokens alone',
      request: { messages: [{ role: 'user', content: 'Hello' }], maxTokens: 100 },
      body: '{"inputText":"User: Hello\\nBot:","textGenerationConfig":{"maxTokenCount":100}}',
    },
  ],
  responses: [
    {
      name: 'the bedrock-protocol.md §5.2 response',
      body: {
        inputTextTokenCount: 15,
        results: [
          {
            tokenCount: 26,
            outputText: '\nWhy did the chicken cross the road? To get to the other side.',
            completionReason: 'FINISH',
          },
        ],
      },
      result: {
        text: '\nWhy did the chicken cross the road? To get to the other side.',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'FINISH',
        usage: { inputTokens: 15, outputTokens: 26, totalTokens: 41 },
      },
    },
    {
      name: 'the documented FINISHED spelling',
      body: {
        inputTextTokenCount: 3,
        results: [{ tokenCount: 2, outputText: 'Hi!', completionReason: 'FINISHED' }],
      },
      result: {
        text: 'Hi!',
        toolCalls: [],
        stopReason: 'end_turn',
        rawStopReason: 'FINISHED',
        usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
      },
    },
    {
      name: 'a length cut',
      body: {
        inputTextTokenCount: 8,
        results: [{ tokenCount: 512, outputText: 'Once upon', completionReason: 'LENGTH' }],
      },
      result: {
        text: 'Once upon',
        toolCalls: [],
        stopReason: 'max_tokens',
        rawStopReason: 'LENGTH',
        usage: { inputTokens: 8, outputTokens: 512, totalTokens: 520 },
      },
    },
    {
      name: 'a stop sequence',
      body: {
        inputTextTokenCount: 8,
        results: [{ tokenCount: 4, outputText: 'Sure.', completionReason: 'STOP_CRITERIA_MET' }],
      },
      result: {
        text: 'Sure.',
        toolCalls: [],
        stopReason: 'stop_sequence',
        rawStopReason: 'STOP_CRITERIA_MET',
        usage: { inputTokens: 8, outputTokens: 4, totalTokens: 12 },
      },
    },
    {
      name: 'a filtered answer',
      body: {
        inputTextTokenCount: 12,
        results: [
          {
            tokenCount: 0,
            outputText: 'The generated text has been blocked.',
            completionReason: 'CONTENT_FILTERED',
          },
        ],
      },
      result: {
        text: 'The generated text has been blocked.',
        toolCalls: [],
        stopReason: 'content_filtered',
        rawStopReason: 'CONTENT_FILTERED',
        usage: { inputTokens: 12, outputTokens: 0, totalTokens: 12 },
      },
    },
  ],
  streams: [
    {
      name: 'the bedrock-protocol.md §5.2 stream',
      chunks: [
        {
          outputText: 'Why',
          index: 0,
          totalOutputTextTokenCount: 3,
          completionReason: null,
          inputTextTokenCount: 15,
        },
        {
          outputText: ' did the chicken cross the road?',
          index: 0,
          totalOutputTextTokenCount: 229,
          completionReason: 'FINISH',
          inputTextTokenCount: null,
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 15,
            outputTokenCount: 229,
            invocationLatency: 1234,
            firstByteLatency: 456,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Why' },
        { type: 'text-delta', index: 0, text: ' did the chicken cross the road?' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'FINISH',
          usage: { inputTokens: 15, outputTokens: 229, totalTokens: 244 },
          metrics: { invocationLatencyMs: 1234, firstByteLatencyMs: 456 },
        },
      ],
    },
    {
      name: 'a length cut whose last chunk has no text',
      chunks: [
        {
          outputText: 'Once',
          index: 0,
          totalOutputTextTokenCount: 1,
          completionReason: null,
          inputTextTokenCount: 8,
        },
        {
          outputText: '',
          index: 0,
          totalOutputTextTokenCount: 2,
          completionReason: 'LENGTH',
          inputTextTokenCount: null,
          'amazon-bedrock-invocationMetrics': {
            inputTokenCount: 8,
            outputTokenCount: 2,
            invocationLatency: 90,
          },
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Once' },
        {
          type: 'stream-end',
          stopReason: 'max_tokens',
          rawStopReason: 'LENGTH',
          usage: { inputTokens: 8, outputTokens: 2, totalTokens: 10 },
          metrics: { invocationLatencyMs: 90, firstByteLatencyMs: undefined },
        },
      ],
    },
    {
      name: 'a stream cut before its completionReason (finish ends it with what was seen)',
      chunks: [
        {
          outputText: 'Why',
          index: 0,
          totalOutputTextTokenCount: 3,
          completionReason: null,
          inputTextTokenCount: 15,
        },
      ],
      events: [
        STREAM_START,
        { type: 'text-delta', index: 0, text: 'Why' },
        {
          type: 'stream-end',
          stopReason: 'end_turn',
          rawStopReason: 'end_turn',
          usage: { inputTokens: 15, outputTokens: 3, totalTokens: 18 },
          metrics: undefined,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a toolChoice without tools',
      request: { messages: [{ role: 'user', content: 'Hi' }], toolChoice: { type: 'auto' } },
      field: 'toolChoice',
      message: 'has no tool use; remove toolChoice',
    },
  ],
  malformedResponses: [
    {},
    { inputTextTokenCount: 15, results: [] },
    { inputTextTokenCount: 15, results: [{ tokenCount: 26, completionReason: 'FINISH' }] },
    { inputTextTokenCount: 15, results: [{ tokenCount: 26, outputText: 'Hi', completionReason: null }] },
    { results: [{ tokenCount: 26, outputText: 'Hi', completionReason: 'FINISH' }] },
    { inputTextTokenCount: 15, results: { tokenCount: 26, outputText: 'Hi', completionReason: 'FINISH' } },
  ],
  streamOf: titanTextStreamOf,
};
