import { ValidationError } from '@quarry/core';

/** Maps a field core names (in its request shape) to the path of the caller's GraphQL input. */
export type InputPathOf = (field: string) => string;

/**
 * Fields under the operation's `input` argument: `maxTokens` becomes `input.maxTokens`, and
 * `relative` first translates core's shape into the input's (see chatInputPath).
 */
export function underInput(relative: (field: string) => string = (field) => field): InputPathOf {
  return (field) => (field.startsWith('input.') ? field : `input.${relative(field)}`);
}

/**
 * Runs `run`; a ValidationError it throws comes back naming the caller's input path in `field`
 * (GraphQL `extensions.field`), so a client can point at what it sent.
 */
export async function withInputPaths<T>(pathOf: InputPathOf, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw relocate(error, pathOf);
  }
}

function relocate(error: unknown, pathOf: InputPathOf): unknown {
  if (!(error instanceof ValidationError)) return error;
  const field = pathOf(error.field);
  return field === error.field ? error : new ValidationError(field, error.message, { cause: error });
}
