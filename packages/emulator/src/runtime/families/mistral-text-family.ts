import { z } from 'zod';

import { rawTextPrompt } from '../chat/chat-prompt.js';
import type { ReplyStopReason } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import type { ChatFamily } from './family.js';
import { textCompletionChunks } from './text-completion-chunks.js';

const MistralTextRequest = z.looseObject({
  prompt: z.string(),
  max_tokens: z.int().min(1).optional(),
  stop: z.array(z.string()).max(10).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(1).max(200).optional(),
});

const DEFAULT_MAX_TOKENS = 512;

// Mistral's own spelling (a matched stop sequence also reads `stop`); it agrees with Llama's today,
// but the two formats are documented separately, so each keeps its table.
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
    return textCompletionChunks(reply, 1, (piece) => ({
      outputs: [{ text: piece.text, stop_reason: piece.last ? STOP_REASONS[reply.stopReason] : null }],
    }));
  },
};
