import { ValidationError } from '../errors/quarry-error.js';
import type { ChatRequest, ContentPart } from './chat-types.js';
import { partsOf } from './validate-chat-request.js';

type PartType = ContentPart['type'];

/**
 * Refuses content parts a family's native body cannot carry, whatever the catalog says: the shared
 * checks trust catalog flags, but a prompt-template body has nowhere to put a tool call or an image.
 */
export function checkSupportedParts(
  request: ChatRequest,
  supported: readonly PartType[],
  familyName: string,
): void {
  request.messages.forEach((message, index) => {
    partsOf(message).forEach((part, partIndex) => {
      if (supported.includes(part.type)) return;
      const field = `messages[${index}].content[${partIndex}]`;
      throw new ValidationError(
        field,
        `${field} is a ${part.type} part, which ${familyName} cannot send: ${fixFor(part.type)}`,
      );
    });
  });
}

/** Refuses tool definitions on a family whose body has no tool fields. */
export function checkNoTools(request: ChatRequest, familyName: string): void {
  if (request.tools !== undefined && request.tools.length > 0) {
    throw new ValidationError(
      'tools',
      `${familyName} has no tool-use fields in its native body. Remove tools, or pick a model with tool support (Claude 3+, Nova, Mistral Large 2407, Cohere Command R).`,
    );
  }
}

function fixFor(type: PartType): string {
  switch (type) {
    case 'text':
      return 'send the text in another part.';
    case 'image':
      return 'remove the image, or pick a model whose inputModalities include IMAGE.';
    case 'tool-use':
    case 'tool-result':
      return 'remove tool-use and tool-result parts, or pick a model with tool support.';
  }
}
