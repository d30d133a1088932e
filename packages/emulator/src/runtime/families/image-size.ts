import { malformedInput } from '../malformed-input.js';

/** Largest side the emulator paints: enough for every Bedrock image model's limits. */
const MAX_SIDE = 4096;
const MIN_SIDE = 64;

/** Checks a requested side length, answering like a schema violation when it is out of range. */
export function checkSide(value: number, pointer: string): number {
  if (value < MIN_SIDE) throw malformedInput([`${pointer}: ${value} is not greater or equal to ${MIN_SIDE}`]);
  if (value > MAX_SIDE) throw malformedInput([`${pointer}: ${value} is not less or equal to ${MAX_SIDE}`]);
  return value;
}
