import { baseModelIdOf, parseModelId } from '@quarry/core';

/**
 * Whether a key's model patterns allow `modelId` — the gateway's version of an IAM resource list.
 * A pattern matches the identifier as sent (base ID, profile ID such as `us.anthropic.…`, or ARN)
 * or the base model it names, so `anthropic.*` allows `us.anthropic.claude-3-haiku-…:0` and
 * `arn:aws:bedrock:…:foundation-model/anthropic.…` too. `*` matches any run of characters.
 */
export function isModelAllowed(patterns: readonly string[] | null, modelId: string): boolean {
  if (patterns === null) return true;
  const base = safeBaseId(modelId);
  return patterns.some((pattern) => {
    const regex = compile(pattern);
    return regex.test(modelId) || (base !== undefined && regex.test(base));
  });
}

function compile(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function safeBaseId(modelId: string): string | undefined {
  try {
    return baseModelIdOf(parseModelId(modelId));
  } catch {
    // A malformed ID matches only patterns on its literal text; Bedrock will refuse it anyway.
    return undefined;
  }
}
