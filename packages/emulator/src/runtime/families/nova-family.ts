import { z } from 'zod';

import { hasTextBlock, type Reply } from '../chat/generate-reply.js';
import {
  converseSystem,
  converseTools,
  converseTurns,
  Message,
  SystemBlock,
  ToolConfig,
} from '../converse/converse-content.js';
import {
  CONVERSE_STOP_REASONS,
  converseContentBlocks,
  converseToolUseId,
  converseUsage,
} from '../converse/converse-output.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';

const NovaRequest = z.looseObject({
  schemaVersion: z.string().optional(),
  system: z.array(SystemBlock).optional(),
  messages: z.array(Message).min(1),
  inferenceConfig: z
    .looseObject({
      maxTokens: z.int().min(1).optional(),
      // Early Nova samples used the snake_case name; Bedrock still accepts it.
      max_new_tokens: z.int().min(1).optional(),
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      topK: z.int().min(0).optional(),
      stopSequences: z.array(z.string()).optional(),
    })
    .optional(),
  toolConfig: ToolConfig.optional(),
});

/** Amazon Nova understanding models: a Converse-shaped native body (bedrock-protocol.md §5.5). */
export const novaFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(NovaRequest, body);
    if (request.messages.some((message) => message.content.length === 0)) {
      throw malformedInput(['#/messages: every message needs at least one content block']);
    }
    const config = request.inferenceConfig;
    return {
      system: converseSystem(request.system),
      turns: converseTurns(request.messages),
      ...converseTools(request.toolConfig),
      maxTokens: config?.maxTokens ?? config?.max_new_tokens,
      stopSequences: config?.stopSequences ?? [],
    };
  },
  renderResponse(reply) {
    return {
      output: { message: { role: 'assistant', content: converseContentBlocks(reply) } },
      stopReason: CONVERSE_STOP_REASONS[reply.stopReason],
      usage: usage(reply),
    };
  },
  renderChunks(reply) {
    const chunks: NativeChunk[] = [
      { body: { messageStart: { role: 'assistant' } }, outputTokens: 0, opening: true },
    ];
    let index = 0;
    if (hasTextBlock(reply)) {
      for (const group of groupTokens(reply.tokens, 3)) {
        chunks.push({
          body: { contentBlockDelta: { delta: { text: group.text }, contentBlockIndex: index } },
          outputTokens: group.tokens,
        });
      }
      chunks.push({ body: { contentBlockStop: { contentBlockIndex: index } }, outputTokens: 0 });
      index++;
    }
    for (const call of reply.toolCalls) {
      chunks.push(
        {
          body: {
            contentBlockStart: {
              start: { toolUse: { toolUseId: converseToolUseId(call.id), name: call.name } },
              contentBlockIndex: index,
            },
          },
          outputTokens: 0,
        },
        {
          body: {
            contentBlockDelta: {
              delta: { toolUse: { input: JSON.stringify(call.input) } },
              contentBlockIndex: index,
            },
          },
          outputTokens: reply.outputTokens,
        },
        { body: { contentBlockStop: { contentBlockIndex: index } }, outputTokens: 0 },
      );
      index++;
    }
    chunks.push(
      { body: { messageStop: { stopReason: CONVERSE_STOP_REASONS[reply.stopReason] } }, outputTokens: 0 },
      { body: { metadata: { usage: usage(reply), metrics: {}, trace: {} } }, outputTokens: 0 },
    );
    return chunks;
  },
};

/** Converse's usage plus the prompt-cache counters Nova's native body reports (always 0 here). */
function usage(reply: Reply): Record<string, number> {
  return {
    ...converseUsage(reply),
    cacheReadInputTokenCount: 0,
    cacheWriteInputTokenCount: 0,
  };
}
