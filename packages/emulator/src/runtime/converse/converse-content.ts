import { z } from 'zod';

import type { ChatPart, ChatTurn, ToolChoice, ToolSpec } from '../chat/chat-prompt.js';

/** A Converse ContentBlock union member (exactly one key on the wire); only what we read is typed. */
export const ContentBlock = z.looseObject({
  text: z.string().optional(),
  toolUse: z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() }).optional(),
  toolResult: z.looseObject({ toolUseId: z.string(), content: z.array(z.looseObject({})) }).optional(),
});
type ContentBlock = z.infer<typeof ContentBlock>;

export const Message = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.array(ContentBlock),
});

export const SystemBlock = z.looseObject({ text: z.string().optional() });

export const ToolConfig = z.looseObject({
  tools: z
    .array(
      z.looseObject({
        toolSpec: z
          .looseObject({
            name: z.string(),
            description: z.string().optional(),
            inputSchema: z.looseObject({ json: z.unknown() }),
          })
          .optional(),
      }),
    )
    .optional(),
  toolChoice: z
    .looseObject({
      auto: z.looseObject({}).optional(),
      any: z.looseObject({}).optional(),
      tool: z.looseObject({ name: z.string() }).optional(),
    })
    .optional(),
});

/** Converse (and Nova's native, which copies it) messages as neutral turns. */
export function converseTurns(messages: readonly z.infer<typeof Message>[]): ChatTurn[] {
  return messages.map((message) => ({ role: message.role, parts: message.content.flatMap(blockParts) }));
}

export function converseSystem(system: readonly z.infer<typeof SystemBlock>[] | undefined): string[] {
  return (system ?? []).flatMap((block) => (block.text === undefined ? [] : [block.text]));
}

export function converseTools(config: z.infer<typeof ToolConfig> | undefined): {
  tools: ToolSpec[];
  toolChoice: ToolChoice;
} {
  const tools = (config?.tools ?? []).flatMap((tool) =>
    tool.toolSpec === undefined
      ? []
      : [
          {
            name: tool.toolSpec.name,
            description: tool.toolSpec.description ?? '',
            inputSchema: tool.toolSpec.inputSchema.json,
          },
        ],
  );
  const choice = config?.toolChoice;
  const toolChoice: ToolChoice =
    choice?.tool !== undefined
      ? { type: 'tool', name: choice.tool.name }
      : choice?.any !== undefined
        ? { type: 'any' }
        : { type: 'auto' };
  return { tools, toolChoice };
}

function blockParts(block: ContentBlock): ChatPart[] {
  if (block.text !== undefined) return [{ type: 'text', text: block.text }];
  if (block.toolUse !== undefined) {
    return [
      { type: 'tool-use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input },
    ];
  }
  if (block.toolResult !== undefined) {
    const text = block.toolResult.content
      .map((item) => {
        if (typeof item['text'] === 'string') return item['text'];
        return item['json'] === undefined ? '' : JSON.stringify(item['json']);
      })
      .join('\n');
    return [{ type: 'tool-result', id: block.toolResult.toolUseId, text }];
  }
  const record = block as Record<string, unknown>;
  for (const key of ['image', 'document', 'video', 'audio']) {
    const media = record[key] as { source?: { bytes?: unknown; text?: unknown } } | undefined;
    if (media === undefined) continue;
    const source = media.source;
    if (typeof source?.text === 'string') return [{ type: 'text', text: source.text }];
    return [{ type: 'media', base64Length: typeof source?.bytes === 'string' ? source.bytes.length : 0 }];
  }
  const guard = record['guardContent'] as { text?: { text?: unknown } } | undefined;
  if (typeof guard?.text?.text === 'string') return [{ type: 'text', text: guard.text.text }];
  // reasoningContent, cachePoint, citations…: nothing the synthetic model reads.
  return [];
}
