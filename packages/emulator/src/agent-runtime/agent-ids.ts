import { z } from 'zod';

// Bedrock's ID patterns. Any well-formed ID names an existing agent, alias or knowledge base: the
// emulator has no agent-building API (bedrock-agent), so there is nothing to look IDs up in.

const pattern = (regex: RegExp, shown: string): [RegExp, string] => [
  regex,
  `Member must satisfy regular expression pattern: ${shown}`,
];

/** Agent, alias and knowledge-base IDs: up to 10 letters and digits (`TSTALIASID` is the test alias). */
export const resourceIdSchema = z
  .string()
  .max(10)
  .regex(...pattern(/^[0-9a-zA-Z]+$/, '[0-9a-zA-Z]+'));

/** Session and memory IDs. */
export const sessionIdSchema = z
  .string()
  .min(2)
  .max(100)
  .regex(...pattern(/^[0-9a-zA-Z._:-]+$/, '[0-9a-zA-Z._:-]+'));

/** The alias every agent has for its working draft. */
export const TEST_ALIAS_ID = 'TSTALIASID';
