import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { BedrockHttpError } from '../../http/emulator-request.js';
import type { ChatPart, ChatPrompt, ChatTurn, ToolChoice } from '../chat/chat-prompt.js';
import { hasTextBlock, type Reply, type ReplyStopReason } from '../chat/generate-reply.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import { StandardBase64 } from '../standard-base64.js';
import { groupTokens, splitJson, type ChatFamily, type NativeChunk } from './family.js';

// The image types Claude reads (Anthropic's "Vision" guide); anything else, or bytes that are not
// base64, Bedrock refuses rather than passing a broken image on.
const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
const Base64Image = z.looseObject({
  source: z.looseObject({ type: z.string(), media_type: z.enum(IMAGE_MEDIA_TYPES), data: StandardBase64 }),
});

// Blocks are open (thinking, server tools…); only images are checked, and only inline ones: other
// source types (`url`, `file`) are left to the synthetic model, which reads none of them.
const Block = z.looseObject({ type: z.string() }).superRefine((block, context) => {
  if (block.type !== 'image') return;
  const source = (block as { source?: unknown }).source;
  if (typeof source === 'object' && source !== null && (source as { type?: unknown }).type !== 'base64')
    return;
  const result = Base64Image.safeParse(block);
  // The issues keep their paths (relative to this block), so messages name the JSON pointer.
  if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue });
});
const TextBlock = z.looseObject({ type: z.literal('text'), text: z.string() });

// Bedrock's Anthropic schema is closed: `model` or `stream` in the body is answered with
// "extraneous key [model] is not permitted" (seen in real traffic), which catches codec bugs early.
const AnthropicRequest = z.strictObject({
  anthropic_version: z.string(),
  max_tokens: z.int().min(1),
  messages: z
    .array(
      z.looseObject({ role: z.enum(['user', 'assistant']), content: z.union([z.string(), z.array(Block)]) }),
    )
    .min(1),
  system: z.union([z.string(), z.array(TextBlock)]).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(0).optional(),
  stop_sequences: z.array(z.string()).optional(),
  tools: z
    .array(z.looseObject({ name: z.string(), description: z.string().optional(), input_schema: z.unknown() }))
    .optional(),
  tool_choice: z
    .looseObject({ type: z.enum(['auto', 'any', 'tool', 'none']), name: z.string().optional() })
    .optional(),
  thinking: z.unknown().optional(),
  anthropic_beta: z.array(z.string()).optional(),
  metadata: z.unknown().optional(),
  output_format: z.unknown().optional(),
});

const STOP_REASONS = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
} as const satisfies Record<ReplyStopReason, string>;

/** Claude's Messages API as Bedrock serves it (bedrock-protocol.md §5.1). */
export const anthropicMessagesFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(AnthropicRequest, body);
    const toolChoice = parseToolChoice(request);
    const prompt: ChatPrompt = {
      system:
        request.system === undefined
          ? []
          : typeof request.system === 'string'
            ? [request.system]
            : request.system.map((block) => block.text),
      turns: request.messages.map((message): ChatTurn => ({
        role: message.role,
        parts:
          typeof message.content === 'string'
            ? [{ type: 'text', text: message.content }]
            : message.content.flatMap(toPart),
      })),
      tools: (request.tools ?? []).map((tool) => ({
        name: tool.name,
        description: tool.description ?? '',
        inputSchema: tool.input_schema,
      })),
      toolChoice,
      maxTokens: request.max_tokens,
      stopSequences: request.stop_sequences ?? [],
    };
    return prompt;
  },
  renderResponse(reply, model) {
    return {
      ...messageHead(reply, model),
      content: [
        ...(hasTextBlock(reply) ? [{ type: 'text', text: reply.text }] : []),
        ...reply.toolCalls.map((call) => ({
          type: 'tool_use',
          id: toolUseId(call.id),
          name: call.name,
          input: call.input,
        })),
      ],
      stop_reason: STOP_REASONS[reply.stopReason],
      stop_sequence: reply.stopSequence ?? null,
      usage: usage(reply.inputTokens, reply.outputTokens),
    };
  },
  renderChunks(reply, model) {
    const chunks: NativeChunk[] = [
      {
        body: {
          type: 'message_start',
          message: {
            ...messageHead(reply, model),
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: usage(reply.inputTokens, 1),
          },
        },
        outputTokens: 0,
        opening: true,
      },
    ];
    let index = 0;
    if (hasTextBlock(reply)) {
      chunks.push({
        body: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
        outputTokens: 0,
      });
      for (const group of groupTokens(reply.tokens, 2)) {
        chunks.push({
          body: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: group.text } },
          outputTokens: group.tokens,
        });
      }
      chunks.push({ body: { type: 'content_block_stop', index }, outputTokens: 0 });
      index++;
    }
    for (const call of reply.toolCalls) {
      chunks.push({
        body: {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: toolUseId(call.id), name: call.name, input: {} },
        },
        outputTokens: 0,
      });
      const fragments = splitJson(JSON.stringify(call.input), 3);
      for (const fragment of fragments) {
        chunks.push({
          body: {
            type: 'content_block_delta',
            index,
            delta: { type: 'input_json_delta', partial_json: fragment },
          },
          outputTokens: Math.ceil(reply.outputTokens / fragments.length),
        });
      }
      chunks.push({ body: { type: 'content_block_stop', index }, outputTokens: 0 });
      index++;
    }
    chunks.push(
      {
        body: {
          type: 'message_delta',
          delta: { stop_reason: STOP_REASONS[reply.stopReason], stop_sequence: reply.stopSequence ?? null },
          usage: { output_tokens: reply.outputTokens },
        },
        outputTokens: 0,
      },
      { body: { type: 'message_stop' }, outputTokens: 0 },
    );
    return chunks;
  },
};

/**
 * `tool_choice` as the synthetic model reads it. A `tool` choice must name one of `tools`: Claude
 * refuses the request (Bedrock answers ValidationException) instead of calling an undefined tool.
 */
function parseToolChoice(request: z.infer<typeof AnthropicRequest>): ToolChoice {
  const choice = request.tool_choice;
  if (choice === undefined) return { type: 'auto' };
  if (choice.type !== 'tool') return { type: choice.type };
  if (choice.name === undefined) throw malformedInput(['#/tool_choice: required key [name] not found']);
  if (!(request.tools ?? []).some((tool) => tool.name === choice.name)) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `tool_choice.name: the tool ${JSON.stringify(choice.name)} is not one of the tools provided in tools.`,
    );
  }
  return { type: 'tool', name: choice.name };
}

function toPart(block: z.infer<typeof Block>): ChatPart[] {
  const value = block as Record<string, unknown>;
  switch (block.type) {
    case 'text':
      return [{ type: 'text', text: text(value['text']) }];
    case 'image':
    case 'document': {
      const source = value['source'] as Record<string, unknown> | undefined;
      const data = source?.['data'];
      return [{ type: 'media', base64Length: typeof data === 'string' ? data.length : 0 }];
    }
    case 'tool_use':
      return [{ type: 'tool-use', id: text(value['id']), name: text(value['name']), input: value['input'] }];
    case 'tool_result':
      return [{ type: 'tool-result', id: text(value['tool_use_id']), text: resultText(value['content']) }];
    default:
      // thinking, redacted_thinking, server tool blocks: nothing the synthetic model reads.
      return [];
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((item: unknown) => {
      const text = (item as Record<string, unknown> | null)?.['text'];
      return typeof text === 'string' ? text : '';
    })
    .join('\n');
}

function messageHead(reply: Reply, model: CatalogModel): Record<string, unknown> {
  return {
    id: `msg_bdrk_01${reply.seed.slice(0, 22)}`,
    type: 'message',
    role: 'assistant',
    // Bedrock echoes the Anthropic model name, e.g. `claude-3-5-sonnet-20241022`.
    model: model.modelId.replace(/^anthropic\./, '').replace(/-v\d+(:\d+)?$/, ''),
  };
}

function toolUseId(id: string): string {
  return `toolu_bdrk_01${id}`;
}

function usage(inputTokens: number, outputTokens: number): Record<string, number> {
  return {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
}
