import { CodecError } from '../errors/quarry-error.js';
import type { ToolDefinition } from './chat-types.js';

/**
 * OpenAI-style function calling, shared by the families that adopted it (AI21 Jamba, Mistral's
 * chat format): the tool definition they take, and the arguments they return.
 */
export function toFunctionTool(tool: ToolDefinition): Record<string, unknown> {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      parameters: tool.inputSchema,
    },
  };
}

/**
 * Parses a call's arguments: a JSON string (or an already-parsed object, as some models send);
 * an empty string is a call without arguments. `where` names the field in the CodecError.
 */
export function parseFunctionArguments(
  value: string | Readonly<Record<string, unknown>>,
  where: string,
): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value) as unknown;
  } catch (cause) {
    throw new CodecError(`${where}: not valid JSON.`, { cause });
  }
}
