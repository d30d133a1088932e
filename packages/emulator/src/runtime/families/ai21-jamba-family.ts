import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import type { Reply } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';
import { OPENAI_FINISH_REASONS, openAIChatPrompt, openAIChatRequestShape } from './openai-style-messages.js';

const JambaRequest = z.looseObject({
  ...openAIChatRequestShape,
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  n: z.int().min(1).max(16).optional(),
});

/** AI21 Jamba 1.5: OpenAI-style chat completions (bedrock-protocol.md §5.9). */
export const ai21JambaFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(JambaRequest, body);
    return openAIChatPrompt(
      request,
      typeof request.stop === 'string' ? [request.stop] : (request.stop ?? []),
    );
  },
  renderResponse(reply, model) {
    return {
      id: completionId(reply),
      model: modelName(model),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, tool_calls: toolCalls(reply) },
          finish_reason: OPENAI_FINISH_REASONS[reply.stopReason],
        },
      ],
      usage: usage(reply),
    };
  },
  renderChunks(reply) {
    const id = completionId(reply);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null): Record<string, unknown> => ({
      id,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    const chunks: NativeChunk[] = [
      { body: chunk({ role: 'assistant', content: '' }, null), outputTokens: 0, opening: true },
    ];
    for (const group of groupTokens(reply.tokens, 1)) {
      chunks.push({ body: chunk({ content: group.text }, null), outputTokens: group.tokens });
    }
    const calls = toolCalls(reply);
    if (calls !== null)
      chunks.push({ body: chunk({ tool_calls: calls }, null), outputTokens: reply.outputTokens });
    // Usage rides on the last chunk only.
    chunks.push({
      body: { ...chunk({}, OPENAI_FINISH_REASONS[reply.stopReason]), usage: usage(reply) },
      outputTokens: 0,
    });
    return chunks;
  },
};

function completionId(reply: Reply): string {
  return `chatcmpl-${reply.seed.slice(0, 24)}`;
}

function modelName(model: CatalogModel): string {
  // `ai21.jamba-1-5-large-v1:0` → `jamba-1.5-large`
  return model.modelId
    .replace(/^ai21\./, '')
    .replace(/-v\d+:\d+$/, '')
    .replace(/(\d)-(\d)/, '$1.$2');
}

function toolCalls(reply: Reply): unknown[] | null {
  if (reply.toolCalls.length === 0) return null;
  return reply.toolCalls.map((call) => ({
    id: `call_${call.id}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.input) },
  }));
}

function usage(reply: Reply): Record<string, number> {
  return {
    prompt_tokens: reply.inputTokens,
    completion_tokens: reply.outputTokens,
    total_tokens: reply.inputTokens + reply.outputTokens,
  };
}
