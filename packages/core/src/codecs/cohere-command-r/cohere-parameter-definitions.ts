/** Cohere v1 describes one tool parameter with a Python type name. */
export interface CohereParameterDefinition {
  readonly description?: string;
  readonly type: string;
  readonly required: boolean;
}

/**
 * Converts a tool's JSON Schema into Cohere v1 `parameter_definitions`: one entry per top-level
 * property with its description, a Python type (`str`, `int`, `float`, `bool`, `dict`, `List[…]`)
 * and whether `required` lists it. Nested object shapes are not expressible and become `dict`.
 */
export function toParameterDefinitions(
  inputSchema: Readonly<Record<string, unknown>>,
): Record<string, CohereParameterDefinition> {
  const properties = isRecord(inputSchema['properties']) ? inputSchema['properties'] : {};
  const listed: unknown = inputSchema['required'];
  const required: readonly unknown[] = Array.isArray(listed) ? listed : [];
  const definitions: Record<string, CohereParameterDefinition> = {};
  for (const [name, property] of Object.entries(properties)) {
    const description = isRecord(property) ? property['description'] : undefined;
    definitions[name] = {
      ...(typeof description === 'string' && { description }),
      type: pythonType(property),
      required: required.includes(name),
    };
  }
  return definitions;
}

function pythonType(schema: unknown): string {
  if (!isRecord(schema)) return 'str';
  const declared: unknown = schema['type'];
  // `type: ["string", "null"]` declares an optional string.
  const type: unknown = Array.isArray(declared)
    ? (declared as readonly unknown[]).find((entry) => entry !== 'null')
    : declared;
  switch (type) {
    case 'integer':
      return 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'object':
      return 'dict';
    case 'array':
      return isRecord(schema['items']) ? `List[${pythonType(schema['items'])}]` : 'list';
    default:
      // `string`, and schemas without a usable type (enums, anyOf), which the model reads as text.
      return 'str';
  }
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
