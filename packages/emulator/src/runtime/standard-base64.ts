import { z } from 'zod';

// One character class and a length check: a grouped regex such as `([A-Za-z0-9+/]{4})*` backtracks
// over a 25 MiB image, this stays linear.
const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `text` is standard base64 with padding (RFC 4648 §4), the only encoding Bedrock takes for
 * blobs inside JSON (bedrock-protocol.md §1.7): no URL-safe alphabet, no whitespace, no missing `=`.
 */
function isStandardBase64(text: string): boolean {
  return text.length % 4 === 0 && ALPHABET.test(text);
}

/** A non-empty base64 blob (image and document bytes). */
export const StandardBase64 = z
  .string()
  .min(1)
  .refine(isStandardBase64, 'the value is not valid standard base64 (A-Z, a-z, 0-9, +, / and = padding)');
