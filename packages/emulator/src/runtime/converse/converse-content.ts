import { z } from 'zod';

import type { ChatPart, ChatTurn, ToolChoice, ToolSpec } from '../chat/chat-prompt.js';
import { StandardBase64 } from '../standard-base64.js';
import { smithyUnion } from './smithy-union.js';

// The request shapes of bedrock-protocol.md §2.4, as strict as Bedrock where it refuses a body
// (every union has exactly one known member; image formats and bytes are checked) and loose
// elsewhere: members the emulator does not read are only checked for being objects.

/** ImageFormat in the SDK model. */
const IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'] as const;

const S3Location = z.looseObject({ uri: z.string() });
const Open = z.looseObject({});

/** Image, video and audio sources. */
const MediaSource = smithyUnion({ bytes: StandardBase64, s3Location: S3Location });

const ImageBlock = z.looseObject({ format: z.enum(IMAGE_FORMATS), source: MediaSource });
const MediaBlock = z.looseObject({ source: MediaSource });
const DocumentBlock = z.looseObject({
  source: smithyUnion({
    bytes: StandardBase64,
    s3Location: S3Location,
    text: z.string(),
    content: z.array(smithyUnion({ text: z.string() })),
  }),
});
const GuardContent = smithyUnion({ text: Open, image: Open });

/** ToolResultContentBlock. */
const ToolResultContent = smithyUnion({
  json: z.unknown(),
  text: z.string(),
  image: ImageBlock,
  document: DocumentBlock,
  video: MediaBlock,
  searchResult: Open,
});

/** A Converse ContentBlock: exactly one of its members (bedrock-protocol.md §2.4). */
const ContentBlock = smithyUnion({
  text: z.string(),
  image: ImageBlock,
  document: DocumentBlock,
  video: MediaBlock,
  audio: MediaBlock,
  toolUse: z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() }),
  toolResult: z.looseObject({ toolUseId: z.string(), content: z.array(ToolResultContent) }),
  reasoningContent: smithyUnion({ reasoningText: Open, redactedContent: z.string() }),
  cachePoint: Open,
  guardContent: GuardContent,
  citationsContent: Open,
  searchResult: Open,
  toolAddition: Open,
  toolRemoval: Open,
});
type ContentBlock = z.infer<typeof ContentBlock>;

export const Message = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.array(ContentBlock),
});

/** SystemContentBlock. */
export const SystemBlock = smithyUnion({ text: z.string(), guardContent: GuardContent, cachePoint: Open });

/**
 * ToolConfiguration. A `toolChoice.tool` must name one of `tools`: Bedrock refuses the request
 * rather than let the model call a tool the caller never defined.
 */
export const ToolConfig = z
  .looseObject({
    tools: z
      .array(
        smithyUnion({
          toolSpec: z.looseObject({
            name: z.string(),
            description: z.string().optional(),
            inputSchema: smithyUnion({ json: z.unknown() }),
          }),
          systemTool: z.looseObject({ name: z.string() }),
          cachePoint: Open,
        }),
      )
      .optional(),
    toolChoice: smithyUnion({ auto: Open, any: Open, tool: z.looseObject({ name: z.string() }) }).optional(),
  })
  .superRefine((config, context) => {
    const chosen = config.toolChoice?.tool?.name;
    if (chosen === undefined) return;
    const names = (config.tools ?? []).flatMap((tool) => {
      const name = tool.toolSpec?.name ?? tool.systemTool?.name;
      return name === undefined ? [] : [name];
    });
    if (names.includes(chosen)) return;
    context.addIssue({
      code: 'custom',
      path: ['toolChoice', 'tool', 'name'],
      message: `Member must name a tool defined in toolConfig.tools, found "${chosen}"`,
    });
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
        if (item.text !== undefined) return item.text;
        return item.json === undefined ? '' : JSON.stringify(item.json);
      })
      .join('\n');
    return [{ type: 'tool-result', id: block.toolResult.toolUseId, text }];
  }
  for (const media of [block.image, block.document, block.video, block.audio]) {
    if (media === undefined) continue;
    const source = media.source as { bytes?: string; text?: string };
    if (source.text !== undefined) return [{ type: 'text', text: source.text }];
    return [{ type: 'media', base64Length: source.bytes?.length ?? 0 }];
  }
  const guard = block.guardContent?.text as { text?: unknown } | undefined;
  if (typeof guard?.text === 'string') return [{ type: 'text', text: guard.text }];
  // reasoningContent, cachePoint, citations…: nothing the synthetic model reads.
  return [];
}
