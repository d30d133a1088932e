/** What a key may be allowed to do (SPEC.md `enum Operation`). */
export const OPERATIONS = [
  'INVOKE',
  'STREAM',
  'EMBED',
  'IMAGE',
  'CONVERSATION',
  'JOBS',
  'AGENTS',
  'ADMIN',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** A key created without `operations` gets every operation but ADMIN. */
export const DEFAULT_OPERATIONS: readonly Operation[] = OPERATIONS.filter(
  (operation) => operation !== 'ADMIN',
);
