/**
 * The words a text is matched on: lower-cased runs of letters and digits longer than two
 * characters, so "the", "of" and punctuation never make two texts look related. Tool choice and
 * knowledge-base ranking both score overlap with it, and must agree on what a word is.
 */
export function keywords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2);
}
