import { parseFunctionArguments } from '../../codec-kit/function-tools.js';
import type { MistralArguments, MistralContent } from './mistral-chat-schemas.js';

/** The text of a Mistral `content`: the string, or its text chunks joined. */
export function textOfContent(content: MistralContent | null | undefined): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((chunk) => (chunk.type === 'text' ? (chunk.text ?? '') : '')).join('');
}

/** Tool arguments as JSON text (the form stream fragments take). */
export function argumentsJson(args: MistralArguments | undefined): string {
  if (args === undefined) return '';
  return typeof args === 'string' ? args : JSON.stringify(args);
}

/** Parses complete tool arguments; an empty string means no arguments. Throws CodecError on invalid JSON. */
export function parseArguments(args: MistralArguments, toolName: string): unknown {
  return parseFunctionArguments(args, `Mistral chat tool call ${toolName} arguments`);
}
