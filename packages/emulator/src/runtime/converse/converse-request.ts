import type { CatalogModel, ModelFamily } from '@quarry/core/catalog';
import { FAMILY_KIND } from '@quarry/core/catalog';
import { z } from 'zod';

import { BedrockHttpError } from '../../http/emulator-request.js';
import type { ChatPrompt } from '../chat/chat-prompt.js';
import {
  converseSystem,
  converseTools,
  converseTurns,
  Message,
  SystemBlock,
  ToolConfig,
} from './converse-content.js';
import { smithyValidationError } from './smithy-validation.js';

// Titan Text has no system slot of its own: Converse refuses one, even though a native caller can
// fold a preamble into `inputText` (which is why the catalog says it takes a system prompt).
const NO_CONVERSE_SYSTEM: ReadonlySet<ModelFamily> = new Set(['titan-text']);

/** The Converse / ConverseStream body (bedrock-protocol.md §2.4); only what the emulator reads is typed. */
export const ConverseRequest = z.looseObject({
  messages: z.array(Message),
  system: z.array(SystemBlock).optional(),
  inferenceConfig: z
    .looseObject({
      maxTokens: z.int().min(1).optional(),
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      stopSequences: z.array(z.string()).max(2500).optional(),
    })
    .optional(),
  toolConfig: ToolConfig.optional(),
  additionalModelResponseFieldPaths: z.array(z.string()).optional(),
});
export type ConverseRequest = z.infer<typeof ConverseRequest>;

/** Parses a Converse body; Smithy-style validation messages, Converse's own semantic checks. */
export function parseConverseRequest(body: unknown): ConverseRequest {
  const result = ConverseRequest.safeParse(body);
  if (!result.success) throw smithyValidationError(result.error, body);
  return result.data;
}

/**
 * The prompt a Converse request gives `model`, after the checks Bedrock makes before calling it
 * (real messages, §2.8 and observed traffic). Throws ValidationException.
 */
export function conversePrompt(
  model: CatalogModel,
  request: Pick<ConverseRequest, 'messages' | 'system' | 'toolConfig' | 'inferenceConfig'>,
): ChatPrompt {
  if (FAMILY_KIND[model.family] !== 'chat') {
    throw validation(
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    );
  }
  const messages = request.messages;
  if (messages[0]?.role !== 'user') {
    throw validation(
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    );
  }
  let usesTools = false;
  for (const [index, message] of messages.entries()) {
    if (index > 0 && messages[index - 1]?.role === message.role) {
      throw validation(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    }
    if (message.content.length === 0) {
      throw validation(
        `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`,
      );
    }
    for (const [blockIndex, block] of message.content.entries()) {
      if (block.text !== undefined && block.text.trim() === '') {
        throw validation(
          `The text field in the ContentBlock object at messages.${index}.content.${blockIndex} is blank. Add text to the text field, and try again.`,
        );
      }
      if (block.toolUse !== undefined || block.toolResult !== undefined) usesTools = true;
    }
  }
  if (usesTools && request.toolConfig === undefined) {
    throw validation(
      'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    );
  }
  const system = converseSystem(request.system);
  if (system.length > 0 && (!model.systemPrompt || NO_CONVERSE_SYSTEM.has(model.family))) {
    throw validation("This model doesn't support system messages.");
  }
  const { tools, toolChoice } = converseTools(request.toolConfig);
  // Converse adds tool use to Llama 3.1+ even though its native body has no tools field.
  if (tools.length > 0 && !model.toolUse && model.family !== 'llama3')
    throw validation("This model doesn't support tool use.");
  return {
    system,
    turns: converseTurns(messages),
    tools,
    toolChoice,
    maxTokens: request.inferenceConfig?.maxTokens,
    stopSequences: request.inferenceConfig?.stopSequences ?? [],
  };
}

function validation(message: string): BedrockHttpError {
  return new BedrockHttpError(400, 'ValidationException', message);
}
