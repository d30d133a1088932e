/**
 * Writes `JSON.stringify(value) + suffix` as UTF-8 bytes — the very same bytes — without ever
 * holding the whole answer as one JavaScript string. A big answer (an `embed` of 96 × 1,024
 * dimensions is 0.5 MB as base64, 2 MB as values) built by one JSON.stringify is a string V8 must
 * flatten before Node can measure or write it, and Node then copies it again joined to the
 * header: each copy above 128 KB lands in fresh large-object pages (about 130 page faults per
 * 0.5 MB). Here plain objects and arrays too big for one cheap JSON.stringify call are walked,
 * every smaller subtree is one JSON.stringify call, the pieces go into a scratch buffer reused
 * across answers, and the answer is one right-sized copy of it. Small answers (most) are one call.
 *
 * A long string is also the one value whose serialisation can be much cheaper than
 * JSON.stringify's character-by-character escaping (about 0.8 ms per 0.5 MB on the bench VM): one
 * that is ASCII with no quote, backslash or control character is its own JSON text between quotes
 * (base64 always is), so it is copied into the buffer and checked there, a word at a time; any
 * other is written by JSON.stringify.
 */
export interface JsonBytes {
  /** The UTF-8 bytes of `JSON.stringify(value) + suffix`; throws where JSON.stringify throws. */
  encode(value: unknown, suffix: string): Buffer;
}

/** Strings at least this long are tried as their own JSON text; shorter ones cost JSON.stringify little. */
const LONG_STRING = 1024;
/**
 * A subtree of about this many characters or fewer, with no long string, is one JSON.stringify
 * call: walking it would cost more than the copies it saves (most answers are such a subtree).
 */
const SMALL_TEXT = 16 * 1024;
/** Deeper than this, a subtree is JSON.stringify's, which reports a cycle as it always has. */
const MAX_DEPTH = 32;
/** The scratch buffer's size to start with, and the most it keeps between answers. */
const INITIAL_BYTES = 64 * 1024;
const KEPT_BYTES = 8 * 1024 * 1024;

export function createJsonBytes(): JsonBytes {
  let scratch = Buffer.allocUnsafe(INITIAL_BYTES);
  let words = wordsOf(scratch);
  let length = 0;
  /** Text not yet in the buffer: small pieces are joined first and copied in one go. */
  let pending = '';
  /** What is left of SMALL_TEXT while isSmall looks at a subtree. */
  let budget = 0;

  function reserve(bytes: number): void {
    if (length + bytes <= scratch.length) return;
    const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, length + bytes));
    scratch.copy(grown, 0, 0, length);
    scratch = grown;
    words = wordsOf(scratch);
  }

  function flush(): void {
    if (pending.length === 0) return;
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    reserve(pending.length * 3);
    length += scratch.write(pending, length, 'utf8');
    pending = '';
  }

  function append(text: string): void {
    pending += text;
    if (pending.length >= SMALL_TEXT) flush();
  }

  /** Writes `value`, which JSON.stringify gives a text for, as JSON.stringify would. */
  function write(value: unknown, depth: number): void {
    if (typeof value === 'string' && value.length >= LONG_STRING) {
      writeLongString(value);
      return;
    }
    if (isWalkable(value) && depth < MAX_DEPTH) {
      budget = SMALL_TEXT;
      if (!isSmall(value)) {
        if (Array.isArray(value)) writeArray(value, depth + 1);
        else writeObject(value as Record<string, unknown>, depth + 1);
        return;
      }
    }
    append(JSON.stringify(value));
  }

  function writeArray(array: readonly unknown[], depth: number): void {
    append('[');
    for (let index = 0; index < array.length; index++) {
      if (index > 0) append(',');
      const element = array[index];
      if (producesText(element)) write(element, depth);
      else {
        // Holes, undefined, functions and symbols are null in an array, and so is an object
        // whose toJSON gives undefined.
        const text = stringifyOrUndefined(element);
        append(text ?? 'null');
      }
    }
    append(']');
  }

  function writeObject(object: Record<string, unknown>, depth: number): void {
    append('{');
    let separator = '';
    for (const key of Object.keys(object)) {
      const member = object[key];
      if (producesText(member)) {
        append(`${separator}${JSON.stringify(key)}:`);
        write(member, depth);
      } else {
        // A member whose value JSON.stringify leaves out (undefined, a function) is left out whole.
        const text = stringifyOrUndefined(member);
        if (text === undefined) continue;
        append(`${separator}${JSON.stringify(key)}:${text}`);
      }
      separator = ',';
    }
    append('}');
  }

  function writeLongString(text: string): void {
    flush();
    reserve(text.length * 3 + 2);
    const start = length;
    scratch[length++] = QUOTE;
    const written = scratch.write(text, length, 'utf8');
    // As many bytes as units: ASCII only (no character needing two bytes, no lone surrogate).
    if (written === text.length && isJsonSafeAscii(scratch, words, length, length + written)) {
      length += written;
      scratch[length++] = QUOTE;
      return;
    }
    length = start;
    append(JSON.stringify(text));
  }

  /**
   * Whether `value` is a subtree of at most `budget` characters or so and holds no long string.
   * Looks at a list's first element only, and stops as soon as the answer is no: enumerating
   * graphql-js's objects (null-prototype, so dictionary-mode) costs more than JSON.stringify's
   * own walk over them.
   */
  function isSmall(value: unknown): boolean {
    if (typeof value === 'string') {
      budget -= value.length + 2;
      return value.length < LONG_STRING && budget >= 0;
    }
    if (typeof value !== 'object' || value === null) {
      budget -= 8;
      return budget >= 0;
    }
    budget -= 2;
    if (Array.isArray(value)) {
      if (value.length === 0) return budget >= 0;
      // A list is priced by its first element: a GraphQL list's elements share one selection
      // (and a vector's values are all numbers). A misjudged list is only written more slowly.
      const before = budget;
      if (!isSmall(value[0])) return false;
      budget -= (before - budget) * (value.length - 1);
      return budget >= 0;
    }
    for (const key of Object.keys(value)) {
      budget -= key.length + 4;
      if (!isSmall((value as Record<string, unknown>)[key])) return false;
    }
    return budget >= 0;
  }

  return {
    encode(value, suffix) {
      length = 0;
      pending = '';
      try {
        if (producesText(value)) write(value, 0);
        else {
          const text = stringifyOrUndefined(value);
          if (text === undefined) throw new TypeError('JSON.stringify gives no text for this value');
          append(text);
        }
        append(suffix);
        flush();
        return Buffer.from(scratch.subarray(0, length));
      } finally {
        pending = '';
        if (scratch.length > KEPT_BYTES) {
          scratch = Buffer.allocUnsafe(INITIAL_BYTES);
          words = wordsOf(scratch);
        }
      }
    },
  };
}

/** A plain object or array without toJSON: JSON.stringify writes its members, and so can this. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || 'toJSON' in value) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // graphql-js builds its results with a null prototype.
  return Array.isArray(value)
    ? prototype === Array.prototype
    : prototype === null || prototype === Object.prototype;
}

/** Values JSON.stringify surely gives a text for without calling anything of theirs. */
function producesText(value: unknown): boolean {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || value === null || isWalkable(value);
}

/** JSON.stringify as it is: undefined for undefined, functions, symbols (TypeScript's type says string). */
const stringifyOrUndefined = JSON.stringify as (value: unknown) => string | undefined;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A 32-bit view of `buffer`'s whole words. allocUnsafe gives a buffer of this size its own
 * ArrayBuffer (it is above the pool's limit), so the view starts at the buffer's first byte.
 */
function wordsOf(buffer: Buffer): Uint32Array {
  return new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.length >>> 2);
}

/**
 * Whether bytes [start, end) of `buffer`, all below 0x80, hold no byte JSON escapes: a control
 * character (below 0x20), a quote or a backslash. Four bytes at a time: with every byte below
 * 0x80, `word - 0x20202020` sets the top bit of a byte exactly when some byte is below 0x20, and
 * `(word ^ 0x22222222) - 0x01010101` when some byte is a quote (bits beyond the first such byte
 * may be set too, which does not change the answer).
 */
function isJsonSafeAscii(buffer: Buffer, words: Uint32Array, start: number, end: number): boolean {
  let index = start;
  for (; index < end && (index & 3) !== 0; index++) if (!isSafeByte(buffer[index] ?? 0)) return false;
  const lastWord = (end >>> 2) - 1;
  for (let word = index >>> 2; word <= lastWord; word++) {
    const value = words[word] ?? 0;
    const flags =
      ((value - 0x20202020) | ((value ^ 0x22222222) - 0x01010101) | ((value ^ 0x5c5c5c5c) - 0x01010101)) &
      0x80808080;
    if (flags !== 0) return false;
  }
  for (index = Math.max(index, (lastWord + 1) << 2); index < end; index++)
    if (!isSafeByte(buffer[index] ?? 0)) return false;
  return true;
}

function isSafeByte(byte: number): boolean {
  return byte >= 0x20 && byte !== QUOTE && byte !== BACKSLASH;
}
