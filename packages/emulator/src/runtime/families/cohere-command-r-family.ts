import { z } from 'zod';

import type { ChatPart, ChatTurn, ToolChoice, ToolSpec } from '../chat/chat-prompt.js';
import type { Reply, ReplyStopReason } from '../chat/generate-reply.js';
import { parseNativeBody } from '../malformed-input.js';
import { groupTokens, type ChatFamily, type NativeChunk } from './family.js';

const ToolResult = z.looseObject({
  call: z.looseObject({ name: z.string(), parameters: z.unknown() }),
  outputs: z.array(z.unknown()),
});

const CohereChatRequest = z.looseObject({
  message: z.string(),
  chat_history: z
    .array(
      z.looseObject({
        role: z.enum(['USER', 'CHATBOT', 'SYSTEM', 'TOOL']),
        message: z.string().optional(),
        tool_calls: z.array(z.looseObject({ name: z.string(), parameters: z.unknown() })).optional(),
        tool_results: z.array(ToolResult).optional(),
      }),
    )
    .optional(),
  preamble: z.string().optional(),
  documents: z.array(z.record(z.string(), z.unknown())).optional(),
  max_tokens: z.int().min(1).optional(),
  temperature: z.number().min(0).max(5).optional(),
  p: z.number().min(0).max(1).optional(),
  k: z.int().min(0).max(500).optional(),
  stop_sequences: z.array(z.string()).optional(),
  tools: z
    .array(
      z.looseObject({
        name: z.string(),
        description: z.string().optional(),
        parameter_definitions: z
          .record(
            z.string(),
            z.looseObject({
              type: z.string(),
              description: z.string().optional(),
              required: z.boolean().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  tool_results: z.array(ToolResult).optional(),
  force_single_step: z.boolean().optional(),
});
type CohereChatRequest = z.infer<typeof CohereChatRequest>;

// Cohere has no separate tool-use reason: a reply with tool_calls finishes COMPLETE.
const FINISH_REASONS = {
  end_turn: 'COMPLETE',
  max_tokens: 'MAX_TOKENS',
  stop_sequence: 'STOP_SEQUENCE',
  tool_use: 'COMPLETE',
} as const satisfies Record<ReplyStopReason, string>;

const PARAMETER_TYPES: Readonly<Record<string, unknown>> = {
  str: { type: 'string' },
  int: { type: 'integer' },
  float: { type: 'number' },
  bool: { type: 'boolean' },
  dict: { type: 'object' },
  'List[str]': { type: 'array', items: { type: 'string' } },
  'List[int]': { type: 'array', items: { type: 'integer' } },
  'List[float]': { type: 'array', items: { type: 'number' } },
};

/** Cohere Command R / R+ chat (bedrock-protocol.md §5.8). */
export const cohereCommandRFamily: ChatFamily = {
  kind: 'chat',
  parseRequest(body) {
    const request = parseNativeBody(CohereChatRequest, body);
    const system = request.preamble === undefined ? [] : [request.preamble];
    const turns: ChatTurn[] = (request.chat_history ?? []).flatMap((entry): ChatTurn[] => {
      if (entry.role === 'SYSTEM') {
        system.push(entry.message ?? '');
        return [];
      }
      if (entry.role === 'TOOL') return [{ role: 'user', parts: resultParts(entry.tool_results ?? []) }];
      const parts: ChatPart[] =
        entry.message === undefined || entry.message === '' ? [] : [{ type: 'text', text: entry.message }];
      for (const call of entry.tool_calls ?? [])
        parts.push({ type: 'tool-use', id: call.name, name: call.name, input: call.parameters });
      return [{ role: entry.role === 'USER' ? 'user' : 'assistant', parts }];
    });
    const current: ChatPart[] = [
      ...(request.message === '' ? [] : [{ type: 'text' as const, text: request.message }]),
      ...(request.documents ?? []).map((document): ChatPart => ({
        type: 'text',
        text: JSON.stringify(document),
      })),
      ...resultParts(request.tool_results ?? []),
    ];
    turns.push({ role: 'user', parts: current });
    const toolChoice: ToolChoice = { type: 'auto' };
    return {
      system,
      turns,
      tools: tools(request),
      toolChoice,
      maxTokens: request.max_tokens,
      stopSequences: request.stop_sequences ?? [],
    };
  },
  renderResponse(reply) {
    return response(reply);
  },
  renderChunks(reply) {
    const chunks: NativeChunk[] = [
      {
        body: { is_finished: false, event_type: 'stream-start', generation_id: generationId(reply) },
        outputTokens: 0,
        opening: true,
      },
    ];
    for (const group of groupTokens(reply.tokens, 1)) {
      chunks.push({
        body: { is_finished: false, event_type: 'text-generation', text: group.text },
        outputTokens: group.tokens,
      });
    }
    if (reply.toolCalls.length > 0) {
      chunks.push({
        body: {
          is_finished: false,
          event_type: 'tool-calls-generation',
          text: '',
          tool_calls: toolCalls(reply),
        },
        outputTokens: reply.outputTokens,
      });
    }
    chunks.push({
      body: {
        is_finished: true,
        event_type: 'stream-end',
        finish_reason: FINISH_REASONS[reply.stopReason],
        response: response(reply),
      },
      outputTokens: 0,
    });
    return chunks;
  },
};

function tools(request: CohereChatRequest): ToolSpec[] {
  return (request.tools ?? []).map((tool) => {
    const definitions = Object.entries(tool.parameter_definitions ?? {});
    return {
      name: tool.name,
      description: tool.description ?? '',
      inputSchema: {
        type: 'object',
        properties: Object.fromEntries(
          definitions.map(([name, definition]) => [name, PARAMETER_TYPES[definition.type] ?? {}]),
        ),
        required: definitions.filter(([, definition]) => definition.required === true).map(([name]) => name),
      },
    };
  });
}

function resultParts(results: readonly z.infer<typeof ToolResult>[]): ChatPart[] {
  return results.map((result) => ({
    type: 'tool-result',
    id: result.call.name,
    text: JSON.stringify(result.outputs),
  }));
}

function response(reply: Reply): Record<string, unknown> {
  return {
    response_id: `${reply.seed.slice(0, 8)}-${reply.seed.slice(8, 12)}-4${reply.seed.slice(13, 16)}-8${reply.seed.slice(17, 20)}-${reply.seed.slice(20, 32)}`,
    text: reply.text,
    generation_id: generationId(reply),
    chat_history: [],
    finish_reason: FINISH_REASONS[reply.stopReason],
    ...(reply.toolCalls.length > 0 ? { tool_calls: toolCalls(reply) } : {}),
    meta: {
      api_version: { version: '1' },
      billed_units: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens },
    },
  };
}

function generationId(reply: Reply): string {
  return `${reply.seed.slice(0, 8)}-${reply.seed.slice(8, 12)}-4${reply.seed.slice(12, 15)}-9${reply.seed.slice(15, 18)}-${reply.seed.slice(18, 30)}`;
}

function toolCalls(reply: Reply): unknown[] {
  return reply.toolCalls.map((call) => ({ name: call.name, parameters: call.input }));
}
