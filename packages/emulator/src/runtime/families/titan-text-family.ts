import { z } from 'zod';

import type { ReplyStopReason } from '../chat/generate-reply.js';
import { rawTextPrompt } from '../chat/chat-prompt.js';
import { parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';

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
    const groups = groupTokens(reply.tokens, 8);
    if (groups.length === 0) groups.push({ text: '', tokens: 0 });
    let sent = 0;
    return groups.map((group, index): NativeChunk => {
      const last = index === groups.length - 1;
      sent += group.tokens;
      return {
        body: {
          outputText: group.text,
          index: 0,
          totalOutputTextTokenCount: last ? reply.outputTokens : sent,
          completionReason: last ? COMPLETION_REASONS[reply.stopReason] : null,
          inputTextTokenCount: index === 0 ? reply.inputTokens : null,
        },
        outputTokens: group.tokens,
      };
    });
  },
};
