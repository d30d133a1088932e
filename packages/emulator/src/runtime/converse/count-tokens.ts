import { z } from 'zod';

import {
  BedrockHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
} from '../../http/emulator-request.js';
import { digestPrompt } from '../chat/chat-prompt.js';
import { FAMILIES } from '../families/family-registry.js';
import { parseJsonBody } from '../malformed-input.js';
import type { InvocationTarget } from '../resolve-target.js';
import type { RuntimeContext } from '../runtime-context.js';
import { Message, SystemBlock, ToolConfig } from './converse-content.js';
import { conversePrompt } from './converse-request.js';

// A union of exactly one member on the wire (§2.7).
const CountTokensRequest = z.looseObject({
  input: z.looseObject({
    invokeModel: z.looseObject({ body: z.string() }).optional(),
    converse: z
      .looseObject({
        messages: z.array(Message).optional(),
        system: z.array(SystemBlock).optional(),
        toolConfig: ToolConfig.optional(),
      })
      .optional(),
  }),
});

/**
 * CountTokens (§2.7): the input tokens InvokeModel or Converse would report for the same body, so
 * a gateway can budget before calling. Text models only.
 */
export function countTokens(
  _context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
): EmulatorResponse {
  const parsed = CountTokensRequest.safeParse(parseJsonBody(request.body));
  if (!parsed.success) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      "1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null",
    );
  }
  const { model } = target;
  const family = FAMILIES[model.family];
  if (family.kind !== 'chat')
    throw new BedrockHttpError(
      400,
      'ValidationException',
      "The provided model doesn't support counting tokens.",
    );
  const { invokeModel, converse } = parsed.data.input;
  let prompt;
  if (invokeModel !== undefined) {
    prompt = family.parseRequest(parseJsonBody(Buffer.from(invokeModel.body, 'base64')), model);
  } else if (converse !== undefined) {
    prompt = conversePrompt(model, { ...converse, messages: converse.messages ?? [] });
  } else {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      'The input must contain exactly one of invokeModel or converse.',
    );
  }
  return {
    kind: 'json',
    status: 200,
    body: { inputTokens: digestPrompt(model.modelId, prompt).inputTokens },
  };
}
