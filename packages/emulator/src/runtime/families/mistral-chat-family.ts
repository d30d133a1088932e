import { z } from 'zod';

import type { Reply } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';
import { OPENAI_FINISH_REASONS, openAIChatPrompt, openAIChatRequestShape } from './openai-style-messages.js';

const MistralChatRequest = z.looseObject({
  ...openAIChatRequestShape,
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  stop: z.array(z.string()).optional(),
});

/** Mistral Large 2407 and Pixtral Large: OpenAI-like chat messages (bedrock-protocol.md §5.7). */
export const mistralChatFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(MistralChatRequest, body);
    return openAIChatPrompt(request, request.stop ?? []);
  },
  renderResponse(reply) {
    return {
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, ...toolCalls(reply) },
          stop_reason: OPENAI_FINISH_REASONS[reply.stopReason],
        },
      ],
    };
  },
  renderChunks(reply) {
    // Whether Bedrock streams `message` or OpenAI's `delta` is unverified (§5.7): both are sent,
    // with the same content, so a decoder reading either works.
    const chunk = (content: Record<string, unknown>, stopReason: string | null): Record<string, unknown> => ({
      choices: [{ index: 0, message: content, delta: content, stop_reason: stopReason }],
    });
    const chunks: NativeChunk[] = groupTokens(reply.tokens, 1).map((group) => ({
      body: chunk({ role: 'assistant', content: group.text }, null),
      outputTokens: group.tokens,
    }));
    if (reply.toolCalls.length > 0) {
      chunks.push({
        body: chunk({ role: 'assistant', content: '', ...toolCalls(reply) }, null),
        outputTokens: reply.outputTokens,
      });
    }
    chunks.push({
      body: chunk({ role: 'assistant', content: '' }, OPENAI_FINISH_REASONS[reply.stopReason]),
      outputTokens: 0,
    });
    return chunks;
  },
};

function toolCalls(reply: Reply): Record<string, unknown> {
  if (reply.toolCalls.length === 0) return {};
  return {
    // Mistral tool call IDs are nine alphanumerics.
    tool_calls: reply.toolCalls.map((call) => ({
      id: call.id.slice(0, 9),
      function: { name: call.name, arguments: JSON.stringify(call.input) },
    })),
  };
}
