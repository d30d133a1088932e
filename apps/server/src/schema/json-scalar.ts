import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Deeper JSON than any Bedrock body or JSON Schema needs; bounds the recursion that follows. */
const MAX_DEPTH = 64;

/** `JSON`: any JSON value, from variables or inline literals (objects, lists, numbers, strings, null). */
export const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON.',
  serialize: (value) => value,
  parseValue: (value) => {
    checkDepth(value);
    return value;
  },
  parseLiteral: (node, variables) => literalValue(node, variables, 0),
});

function tooDeep(): GraphQLError {
  return new GraphQLError(`JSON values may nest at most ${MAX_DEPTH} levels deep.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Iterative, so a hostile 100,000-level value cannot overflow the stack here either. */
function checkDepth(value: unknown): void {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_DEPTH) throw tooDeep();
    for (const child of Array.isArray(item) ? item : Object.values(item)) pending.push([child, depth + 1]);
  }
}

function literalValue(
  node: ValueNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) throw tooDeep();
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => literalValue(item, variables, depth + 1));
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, literalValue(field.value, variables, depth + 1)]),
      );
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    case Kind.ENUM:
      return node.value;
  }
}
