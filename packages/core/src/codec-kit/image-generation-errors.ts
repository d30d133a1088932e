import { QuarryError } from '../errors/quarry-error.js';

/** What a content filter blocked, when the family says. */
type FilteredSubject = 'prompt' | 'input image' | 'output image' | 'prompt or image';

const ADVICE = {
  prompt: 'Rephrase the prompt (and negative prompt) and try again.',
  'input image': 'Use a different input image.',
  'output image': 'Rephrase the prompt, or try another seed.',
  'prompt or image': 'Rephrase the prompt (and negative prompt) and try again.',
} as const satisfies Record<FilteredSubject, string>;

/**
 * A generation the model's content filter stopped. Image families report it inside a 200 body;
 * Quarry throws instead of returning an empty image list. Not retryable: the same request is filtered again.
 */
export function contentFilteredError(subject: FilteredSubject, detail: string): QuarryError {
  const filtered = subject === 'prompt or image' ? 'The prompt or generated image was' : `The ${subject} was`;
  return new QuarryError(
    'GUARDRAIL_INTERVENED',
    `${filtered} filtered by the model's content filter (${detail}). ${ADVICE[subject]}`,
  );
}

/** A generation the model reported as failed for a reason other than filtering. */
export function generationFailedError(detail: string): QuarryError {
  return new QuarryError(
    'UPSTREAM_UNAVAILABLE',
    `The model failed to generate the image (${detail}). Try again, or change the prompt or seed if it keeps failing.`,
  );
}
