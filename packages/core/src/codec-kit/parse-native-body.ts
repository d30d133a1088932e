import type { z } from 'zod';
import { parseNativePart } from './parse-native-part.js';

/** parseNativePart for a whole response body of family `what`. */
export function parseNativeBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
): z.output<Schema> {
  return parseNativePart(schema, body, `${what} response body`, '(body)');
}
