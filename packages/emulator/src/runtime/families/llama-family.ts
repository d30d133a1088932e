import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { rawTextPrompt } from '../chat/chat-prompt.js';
import type { ReplyStopReason } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import type { ChatFamily } from './family.js';
import { textCompletionChunks } from './text-completion-chunks.js';

const LlamaRequest = z.looseObject({
  prompt: z.string(),
  max_gen_len: z.int().min(1).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  // Llama 3.2 vision models take base64 images next to the prompt.
  images: z.array(z.string()).optional(),
});

const DEFAULT_MAX_GEN_LEN = 512;

// Llama has no stop-sequence parameter, so only two reasons exist.
const STOP_REASONS = {
  end_turn: 'stop',
  max_tokens: 'length',
  stop_sequence: 'stop',
  tool_use: 'stop',
} as const satisfies Record<ReplyStopReason, string>;

/** Meta Llama 2, 3.x and 4: a templated prompt string in, `generation` out (bedrock-protocol.md §5.6). */
export const llamaFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body, model: CatalogModel) {
    const request = parseNativeBody(LlamaRequest, body);
    return rawTextPrompt(request.prompt, {
      maxTokens:
        request.max_gen_len ?? Math.min(DEFAULT_MAX_GEN_LEN, model.maxOutputTokens ?? DEFAULT_MAX_GEN_LEN),
      images: request.images,
    });
  },
  renderResponse(reply) {
    return {
      generation: reply.text,
      prompt_token_count: reply.inputTokens,
      generation_token_count: reply.outputTokens,
      stop_reason: STOP_REASONS[reply.stopReason],
    };
  },
  renderChunks(reply) {
    return textCompletionChunks(reply, 1, (piece) => ({
      generation: piece.text,
      prompt_token_count: piece.first ? reply.inputTokens : null,
      generation_token_count: piece.last ? reply.outputTokens : piece.sent,
      stop_reason: piece.last ? STOP_REASONS[reply.stopReason] : null,
    }));
  },
};
