import {
  GraphQLError,
  Kind,
  getIntrospectionQuery,
  parse,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Bounds the depth of introspection like any other query. graphql-armor's depth limit skips
 * `__schema` (the standard introspection query is 21 levels by its count, deeper than any
 * operation of ours), and graphql-js only bounds the `fields`/`interfaces`/`possibleTypes`
 * cycles, so `ofType { ofType { … } }` could nest as deep as the token limit allows. Here a
 * `__schema` or `__type` selection may be as deep as the standard introspection query with every
 * option on (what GraphiQL, Apollo Sandbox and codegen send) or `maxDepth`, whichever is deeper,
 * and no deeper.
 */
export function createIntrospectionDepthRule(maxDepth: number): ValidationRule {
  const limit = Math.max(maxDepth, standardIntrospectionDepth());
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (!INTROSPECTION_FIELDS.has(node.name.value) || node.selectionSet === undefined) return undefined;
      const depth = 1 + selectionDepth(node.selectionSet, (name) => context.getFragment(name), new Map());
      if (depth > limit) {
        context.reportError(
          new GraphQLError(`Introspection depth limit of ${limit} exceeded, found ${depth}.`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
      // Nested introspection fields are inside this one's count already.
      return false;
    },
  });
}

/** The depth of the introspection query graphql-js builds with every option on. */
function standardIntrospectionDepth(): number {
  const document = parse(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    deepest = Math.max(
      deepest,
      selectionDepth(definition.selectionSet, (name) => fragments.get(name), new Map()),
    );
  }
  return deepest;
}

/**
 * Field levels below a selection set, fragments flattened. Each fragment's depth is worked out
 * once (`known`), so fragments spreading each other many times cost linear time, not exponential;
 * a fragment still being measured (a cycle, which another rule rejects) counts as 0.
 */
function selectionDepth(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  known: Map<string, number>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        deepest = Math.max(
          deepest,
          1 +
            (selection.selectionSet === undefined
              ? 0
              : selectionDepth(selection.selectionSet, fragment, known)),
        );
        break;
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragment, known));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        let depth = known.get(name);
        if (depth === undefined) {
          known.set(name, 0);
          const definition = fragment(name);
          depth = definition == null ? 0 : selectionDepth(definition.selectionSet, fragment, known);
          known.set(name, depth);
        }
        deepest = Math.max(deepest, depth);
        break;
      }
    }
  }
  return deepest;
}
