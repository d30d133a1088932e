import { ValidationError } from '../errors/quarry-error.js';
import type { ChatRequest } from './chat-types.js';
import { partsOf } from './validate-chat-request.js';

/**
 * Refuses text containing a prompt template's control markers (`[INST]`, `<|eot_id|>`, …). Prompt
 * families (Llama, Mistral text) receive the conversation as one string with no escape syntax, so a
 * marker inside user text would end the turn early or forge a new one (prompt injection).
 * `markers` must not have the `g` flag: it is used with `exec`, which is then stateless.
 */
export function checkControlMarkers(request: ChatRequest, markers: RegExp, templateName: string): void {
  if (request.system !== undefined) checkText('system', request.system, markers, templateName);
  request.messages.forEach((message, index) => {
    partsOf(message).forEach((part, partIndex) => {
      if (part.type === 'text')
        checkText(`messages[${index}].content[${partIndex}]`, part.text, markers, templateName);
    });
  });
}

function checkText(field: string, text: string, markers: RegExp, templateName: string): void {
  const found = markers.exec(text);
  if (found === null) return;
  throw new ValidationError(
    field,
    `${field} contains ${JSON.stringify(found[0])}, a control marker of the ${templateName} that would end or forge a turn; ` +
      'remove or reword it (prompt text is sent verbatim and the template has no escape syntax).',
  );
}
