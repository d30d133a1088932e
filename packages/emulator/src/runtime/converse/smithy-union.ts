import { z } from 'zod';

/**
 * A Smithy union as it travels in JSON: an object with exactly one member set, and that member one
 * the service models (bedrock-protocol.md §1.7). Optional zod members alone would let `{}` or two
 * members at once through, so a Converse content block `{}` would reach the model as nothing at all;
 * Bedrock refuses both before the model sees the request. The issue sits on the union's own path.
 */
export function smithyUnion<Shape extends z.ZodRawShape>(members: Shape) {
  const names = Object.keys(members);
  return z
    .looseObject(members)
    .partial()
    .superRefine((value, context) => {
      const set = Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([name]) => name);
      const [only] = set;
      if (set.length === 1 && only !== undefined && names.includes(only)) return;
      context.addIssue({
        code: 'custom',
        message: `exactly one of [${names.join(', ')}] must be set, found ${set.length === 0 ? 'none' : `[${set.join(', ')}]`}`,
      });
    });
}
