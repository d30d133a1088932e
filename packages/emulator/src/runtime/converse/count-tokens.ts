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
import { smithyUnion } from './smithy-union.js';
import { smithyValidationError } from './smithy-validation.js';

// `input` is a Smithy union: exactly one of its members (§2.7).
const CountTokensRequest = z.looseObject({
  input: smithyUnion({
    invokeModel: z.looseObject({ body: z.string() }),
    converse: z.looseObject({
      messages: z.array(Message).optional(),
      system: z.array(SystemBlock).optional(),
      toolConfig: ToolConfig.optional(),
    }),
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
  const body = parseJsonBody(request.body);
  const parsed = CountTokensRequest.safeParse(body);
  if (!parsed.success) throw smithyValidationError(parsed.error, body);
  const { model } = target;
  const family = FAMILIES[model.family];
  if (family.kind !== 'chat')
    throw new BedrockHttpError(
      400,
      'ValidationException',
      "The provided model doesn't support counting tokens.",
    );
  // The union check above guarantees exactly one member.
  const { invokeModel, converse } = parsed.data.input;
  const prompt =
    invokeModel === undefined
      ? conversePrompt(model, { ...converse, messages: converse?.messages ?? [] })
      : family.parseRequest(parseJsonBody(Buffer.from(invokeModel.body, 'base64')), model);
  return {
    kind: 'json',
    status: 200,
    body: { inputTokens: digestPrompt(model.modelId, prompt).inputTokens },
  };
}
