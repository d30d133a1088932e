import { createSeededRandom, type SeededRandom } from './seeded-random.js';

const WORDS = ['Paris', 'Lisbon', 'Oslo', 'Kyoto', 'Denver', 'sample', 'quarry', 'bedrock', 'alpha', 'delta'];
const MAX_DEPTH = 6;

/**
 * A JSON value that satisfies the common parts of a JSON Schema (type, properties, required, enum,
 * const, items, minimum/maximum, minItems, format, anyOf/oneOf), deterministic for a seed. Every
 * declared property is filled in, so callers see a complete tool call. Unknown or missing schemas
 * give `{}` at the top level.
 */
export function synthesizeToolInput(schema: unknown, seed: string): unknown {
  const value = fromSchema(schema, createSeededRandom(`tool-input:${seed}`), 0);
  return value === undefined ? {} : value;
}

function fromSchema(schema: unknown, random: SeededRandom, depth: number): unknown {
  if (!isRecord(schema) || depth > MAX_DEPTH) return depth === 0 ? {} : null;
  if ('const' in schema) return schema['const'];
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return random.pick(choices as unknown[]);
  const variants: unknown = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(variants) && variants.length > 0) return fromSchema(variants[0], random, depth);
  const declared = schema['type'];
  const type: unknown = Array.isArray(declared)
    ? (declared as unknown[]).find((entry) => entry !== 'null')
    : declared;
  switch (type) {
    case 'object':
      return objectFrom(schema, random, depth);
    case 'array': {
      const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 1;
      const count = Math.max(minItems, 1);
      return Array.from({ length: count }, () => fromSchema(schema['items'], random, depth + 1));
    }
    case 'integer':
    case 'number': {
      const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
      const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : minimum + 100;
      const value = minimum + random.next() * (maximum - minimum);
      return type === 'integer' ? Math.round(value) : Math.round(value * 100) / 100;
    }
    case 'boolean':
      return random.next() < 0.5;
    case 'null':
      return null;
    case 'string':
      return stringFrom(schema, random);
    default:
      return 'properties' in schema
        ? objectFrom(schema, random, depth)
        : depth === 0
          ? {}
          : random.pick(WORDS);
  }
}

function objectFrom(schema: Readonly<Record<string, unknown>>, random: SeededRandom, depth: number): unknown {
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const result: Record<string, unknown> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    result[name] = fromSchema(propertySchema, random, depth + 1);
  }
  return result;
}

function stringFrom(schema: Readonly<Record<string, unknown>>, random: SeededRandom): string {
  switch (schema['format']) {
    case 'date':
      return `2025-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    case 'date-time':
      return `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T12:00:00Z`;
    case 'email':
      return `${random.pick(WORDS).toLowerCase()}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${random.pick(WORDS).toLowerCase()}`;
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return random.pick(WORDS);
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
