import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { CodecError } from '../errors/quarry-error.js';
import type { StreamEvent } from '../stream/stream-event.js';
import { createConverseStreamDecoder, fromConverseResponse } from './converse-response.js';

const context = { modelId: 'm', requestId: 'r' };

function decode(events: readonly ConverseStreamOutput[]): StreamEvent[] {
  const decoder = createConverseStreamDecoder(context);
  return [...events.flatMap((event) => decoder.push(event)), ...decoder.finish()];
}

describe('createConverseStreamDecoder', () => {
  it('maps text deltas, stop reason, usage and latency', () => {
    const events = decode([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hel' } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'lo' } } },
      { messageStop: { stopReason: 'max_tokens' } },
      {
        metadata: { usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 }, metrics: { latencyMs: 40 } },
      },
    ]);
    expect(events).toEqual([
      { type: 'stream-start', modelId: 'm', requestId: 'r' },
      { type: 'text-delta', index: 0, text: 'Hel' },
      { type: 'text-delta', index: 0, text: 'lo' },
      {
        type: 'stream-end',
        stopReason: 'max_tokens',
        rawStopReason: 'max_tokens',
        usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
        metrics: { invocationLatencyMs: 40, firstByteLatencyMs: undefined },
      },
    ]);
  });

  it('reports a tool called without arguments as one empty fragment', () => {
    const events = decode([
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't1', name: 'now' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
      { metadata: { usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } } },
    ]);
    expect(events.filter((event) => event.type === 'tool-use-delta')).toEqual([
      { type: 'tool-use-delta', index: 1, toolUseId: 't1', name: 'now', inputJson: '' },
    ]);
  });

  it('refuses tool input for a block that never started', () => {
    const decoder = createConverseStreamDecoder(context);
    expect(() =>
      decoder.push({ contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{}' } } } }),
    ).toThrow(CodecError);
  });
});

describe('fromConverseResponse', () => {
  it('collects text and tool calls and maps unmodelled stop reasons', () => {
    const result = fromConverseResponse({
      output: {
        message: {
          role: 'assistant',
          content: [
            { text: 'Let me check. ' },
            { toolUse: { toolUseId: 't', name: 'get', input: { a: 1 } } },
          ],
        },
      },
      stopReason: 'model_context_window_exceeded',
      usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 },
    });
    expect(result).toEqual({
      text: 'Let me check. ',
      toolCalls: [{ toolUseId: 't', name: 'get', input: { a: 1 } }],
      stopReason: 'max_tokens',
      rawStopReason: 'model_context_window_exceeded',
      usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 },
    });
  });
});
