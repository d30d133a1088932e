import { z } from 'zod';

import { rawTextPrompt } from '../chat/chat-prompt.js';
import type { ReplyStopReason } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';

const MistralTextRequest = z.looseObject({
  prompt: z.string(),
  max_tokens: z.int().min(1).optional(),
  stop: z.array(z.string()).max(10).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(1).max(200).optional(),
});

const DEFAULT_MAX_TOKENS = 512;

const STOP_REASONS = {
  end_turn: 'stop',
  max_tokens: 'length',
  stop_sequence: 'stop',
  tool_use: 'stop',
} as const satisfies Record<ReplyStopReason, string>;

/** Mistral 7B, Mixtral, Small and Large 2402: `[INST]` prompt in, `outputs[]` out (§5.7). */
export const mistralTextFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(MistralTextRequest, body);
    return rawTextPrompt(request.prompt, {
      maxTokens: request.max_tokens ?? DEFAULT_MAX_TOKENS,
      stopSequences: request.stop ?? [],
    });
  },
  renderResponse(reply) {
    return { outputs: [{ text: reply.text, stop_reason: STOP_REASONS[reply.stopReason] }] };
  },
  renderChunks(reply) {
    const groups = groupTokens(reply.tokens, 1);
    if (groups.length === 0) groups.push({ text: '', tokens: 0 });
    return groups.map((group, index): NativeChunk => ({
      body: {
        outputs: [
          {
            text: group.text,
            stop_reason: index === groups.length - 1 ? STOP_REASONS[reply.stopReason] : null,
          },
        ],
      },
      outputTokens: group.tokens,
    }));
  },
};
