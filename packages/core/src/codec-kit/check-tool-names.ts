import { ValidationError } from '../errors/quarry-error.js';
import type { ChatRequest } from './chat-types.js';

/** The tool-name rule Claude, Nova (Converse `ToolSpecification.name`) and Jamba's function tools share. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Refuses tool names the family would answer with a ValidationException, and duplicate names
 * (a tool call could not say which tool it meant).
 */
export function checkToolNames(request: ChatRequest, familyName: string): void {
  const seen = new Set<string>();
  (request.tools ?? []).forEach((tool, index) => {
    if (!TOOL_NAME.test(tool.name)) {
      throw new ValidationError(
        `tools[${index}].name`,
        `${familyName} tool names must be 1 to 64 letters, digits, _ or - (${TOOL_NAME.source}), got ${JSON.stringify(tool.name)}; rename the tool.`,
      );
    }
    if (seen.has(tool.name)) {
      throw new ValidationError(
        `tools[${index}].name`,
        `Tool name ${tool.name} appears twice; give each tool a unique name.`,
      );
    }
    seen.add(tool.name);
  });
}
