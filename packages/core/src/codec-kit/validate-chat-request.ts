import type { CatalogModel } from '../catalog/catalog-model.js';
import { ValidationError } from '../errors/quarry-error.js';
import type { ChatMessage, ChatRequest, ContentPart } from './chat-types.js';

/** What the shared checks read about a model: a catalog entry, or a model only Bedrock's list knows. */
export type ChatModelLimits = Pick<
  CatalogModel,
  'modelId' | 'inputModalities' | 'maxOutputTokens' | 'contextWindow' | 'toolUse' | 'systemPrompt'
>;

/** Family-specific limits the shared checks need; each codec passes its own. */
export interface ChatRules {
  /** Highest temperature the family accepts. @default 1 */
  readonly maxTemperature?: number;
  /** Whether the conversation may end with an assistant turn the model continues (Claude prefill). */
  readonly allowAssistantPrefill?: boolean;
  /** Most stop sequences the family accepts. */
  readonly maxStopSequences?: number;
}

/** Rough token estimate (4 characters a token) used only to refuse prompts that cannot fit. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The input-token estimate the context-window check uses (system prompt plus every message's
 * text, 4 characters a token). Callers that trim history to fit a model use the same figure, so
 * a trimmed request never fails the check.
 */
export function estimateChatTokens(request: Pick<ChatRequest, 'system' | 'messages'>): number {
  return estimateTokens((request.system ?? '') + request.messages.map((message) => textOf(message)).join(''));
}

export function partsOf(message: ChatMessage): readonly ContentPart[] {
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
}

/**
 * The checks every chat family shares. Throws ValidationError whose message names the field,
 * the limit and the fix, so a caller can correct the request without reading our code.
 */
export function validateChatRequest(
  model: ChatModelLimits,
  request: ChatRequest,
  rules: ChatRules = {},
): void {
  const { modelId } = model;
  // Checked through an `unknown` copy: Array.isArray would widen the typed array to any[].
  const messages: unknown = request.messages;
  if (!Array.isArray(messages)) {
    throw new ValidationError('messages', 'messages must be an array of {role, content} turns.');
  }
  if (request.messages.length === 0) {
    throw new ValidationError('messages', 'messages is empty: send at least one user message.');
  }
  request.messages.forEach((message, index) => {
    const content: unknown = (message as { content?: unknown } | null)?.content;
    if (typeof content !== 'string' && !Array.isArray(content)) {
      throw new ValidationError(
        `messages[${index}].content`,
        `messages[${index}].content must be a string or an array of parts.`,
      );
    }
    const expected = index % 2 === 0 ? 'user' : 'assistant';
    if (message.role !== expected) {
      throw new ValidationError(
        `messages[${index}].role`,
        `messages[${index}] has role ${message.role} but ${expected} was expected: conversations start with a user ` +
          'message and alternate user/assistant. Merge consecutive messages of the same role.',
      );
    }
    const parts = partsOf(message);
    if (parts.length === 0) {
      throw new ValidationError(
        `messages[${index}].content`,
        `messages[${index}] has no content; remove it or add text.`,
      );
    }
    // A user turn of only blank text gives the model nothing to answer; Bedrock would refuse it
    // for some families and hallucinate a reply for others.
    if (
      message.role === 'user' &&
      parts.every((part) => part.type === 'text' && typeof part.text === 'string' && part.text.trim() === '')
    ) {
      throw new ValidationError(
        `messages[${index}].content`,
        `messages[${index}] has no text: it is empty or only whitespace. Write the prompt, or remove the turn.`,
      );
    }
    parts.forEach((part, partIndex) => {
      checkPart(model, part, `messages[${index}].content[${partIndex}]`);
    });
  });
  const last = request.messages.at(-1);
  if (last?.role === 'assistant' && rules.allowAssistantPrefill !== true) {
    throw new ValidationError(
      `messages[${request.messages.length - 1}].role`,
      `${modelId} cannot continue an assistant message: end the conversation with a user message.`,
    );
  }
  if (request.maxTokens !== undefined) {
    const limit = model.maxOutputTokens;
    if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) {
      throw new ValidationError(
        'maxTokens',
        `maxTokens must be a positive integer, got ${request.maxTokens}.`,
      );
    }
    if (limit !== null && request.maxTokens > limit) {
      throw new ValidationError(
        'maxTokens',
        `maxTokens ${request.maxTokens} exceeds ${modelId}'s limit of ${limit} output tokens; set maxTokens to ${limit} or less.`,
      );
    }
  }
  const maxTemperature = rules.maxTemperature ?? 1;
  checkRange('temperature', request.temperature, 0, maxTemperature, modelId);
  checkRange('topP', request.topP, 0, 1, modelId);
  if (request.stopSequences !== undefined) {
    if (rules.maxStopSequences !== undefined && request.stopSequences.length > rules.maxStopSequences) {
      throw new ValidationError(
        'stopSequences',
        `${modelId} accepts at most ${rules.maxStopSequences} stop sequences, got ${request.stopSequences.length}.`,
      );
    }
    if (request.stopSequences.some((sequence) => sequence === '')) {
      throw new ValidationError('stopSequences', 'stopSequences must not contain empty strings.');
    }
  }
  if (request.tools !== undefined && request.tools.length > 0 && !model.toolUse) {
    throw new ValidationError(
      'tools',
      `${modelId} does not support tool use. Remove tools, or pick a model with tool support (Claude 3+, Nova, Mistral Large, Cohere Command R).`,
    );
  }
  const choice = request.toolChoice;
  if (choice?.type === 'tool' && !(request.tools ?? []).some((tool) => tool.name === choice.name)) {
    throw new ValidationError('toolChoice', `toolChoice names ${choice.name}, which is not among tools.`);
  }
  if (request.system !== undefined && !model.systemPrompt) {
    throw new ValidationError(
      'system',
      `${modelId} takes no system prompt; put the instructions in the first user message.`,
    );
  }
  if (model.contextWindow !== null) {
    const estimate = estimateChatTokens(request);
    if (estimate > model.contextWindow) {
      throw new ValidationError(
        'messages',
        `The prompt is about ${estimate} tokens, more than ${modelId}'s context window of ${model.contextWindow}; shorten the history or pick a model with a larger window.`,
      );
    }
  }
}

function checkPart(model: ChatModelLimits, part: ContentPart, field: string): void {
  switch (part.type) {
    case 'text':
      return;
    case 'image':
      if (!model.inputModalities.includes('IMAGE')) {
        throw new ValidationError(
          field,
          `${model.modelId} accepts text only; remove the image or pick a model whose inputModalities include IMAGE.`,
        );
      }
      if (!IMAGE_FORMATS.has(part.format)) {
        throw new ValidationError(
          `${field}.format`,
          `image format ${part.format} is not one of png, jpeg, gif, webp.`,
        );
      }
      checkImageData(part.data, `${field}.data`);
      return;
    case 'tool-use':
    case 'tool-result':
      if (!model.toolUse) {
        throw new ValidationError(
          field,
          `${model.modelId} does not support tool use; remove tool-use and tool-result parts.`,
        );
      }
      return;
    default:
      // Callers from plain JavaScript can send anything; name the part rather than fail upstream.
      throw new ValidationError(
        `${field}.type`,
        `Unknown content part type ${JSON.stringify((part as { type?: unknown }).type)}; use text, image, tool-use or tool-result.`,
      );
  }
}

const IMAGE_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);
/** Bedrock's per-image limit for InvokeModel/Converse image blocks (3.75 MB decoded). */
const MAX_IMAGE_BYTES = 3_932_160;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function checkImageData(data: string, field: string): void {
  if (data === '')
    throw new ValidationError(field, 'image data is empty; send the image as standard base64.');
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw new ValidationError(
      field,
      'image data is not standard base64 (A-Z, a-z, 0-9, +, /, = padding; no data: URL prefix, no line breaks).',
    );
  }
  const bytes = (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
  if (bytes > MAX_IMAGE_BYTES) {
    throw new ValidationError(
      field,
      `image is ${bytes} bytes; Bedrock accepts at most ${MAX_IMAGE_BYTES} (3.75 MB) per image. Downscale or recompress it.`,
    );
  }
}

function checkRange(
  field: string,
  value: number | undefined,
  min: number,
  max: number,
  modelId: string,
): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ValidationError(
      field,
      `${field} must be between ${min} and ${max} for ${modelId}, got ${value}.`,
    );
  }
}

/** Text of a message, for estimates and text-only formats; non-text parts are skipped. */
export function textOf(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' ? part.text : part.type === 'tool-result' ? part.content : ''))
    .join('');
}
