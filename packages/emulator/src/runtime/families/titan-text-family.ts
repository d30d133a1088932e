import { z } from 'zod';

import type { ReplyStopReason } from '../chat/generate-reply.js';
import { rawTextPrompt } from '../chat/chat-prompt.js';
import { parseNativeBody } from '../malformed-input.js';
import type { ChatFamily } from './family.js';
import { textCompletionChunks } from './text-completion-chunks.js';

const TitanTextRequest = z.looseObject({
  inputText: z.string(),
  textGenerationConfig: z
    .looseObject({
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      maxTokenCount: z.int().min(0).optional(),
      stopSequences: z.array(z.string()).optional(),
    })
    .optional(),
});

const DEFAULT_MAX_TOKEN_COUNT = 512;

// Real traffic says FINISH where the docs say FINISHED (bedrock-protocol.md §5.2).
const COMPLETION_REASONS = {
  end_turn: 'FINISH',
  max_tokens: 'LENGTH',
  stop_sequence: 'STOP_CRITERIA_MET',
  tool_use: 'FINISH',
} as const satisfies Record<ReplyStopReason, string>;

/** Titan Text Express / Lite / Premier (bedrock-protocol.md §5.2). */
export const titanTextFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(TitanTextRequest, body);
    const config = request.textGenerationConfig;
    return rawTextPrompt(request.inputText, {
      maxTokens: config?.maxTokenCount ?? DEFAULT_MAX_TOKEN_COUNT,
      stopSequences: config?.stopSequences ?? [],
    });
  },
  renderResponse(reply) {
    return {
      inputTextTokenCount: reply.inputTokens,
      results: [
        {
          tokenCount: reply.outputTokens,
          outputText: reply.text,
          completionReason: COMPLETION_REASONS[reply.stopReason],
        },
      ],
    };
  },
  renderChunks(reply) {
    // Titan streams in coarse pieces; the input count rides on the first chunk only.
    return textCompletionChunks(reply, 8, (piece) => ({
      outputText: piece.text,
      index: 0,
      totalOutputTextTokenCount: piece.last ? reply.outputTokens : piece.sent,
      completionReason: piece.last ? COMPLETION_REASONS[reply.stopReason] : null,
      inputTextTokenCount: piece.first ? reply.inputTokens : null,
    }));
  },
};
