import type { GatewayHarness } from './gateway-harness.js';

export const ADMIN = 'test-admin-key-0123456789';
export const TEXT_MODEL = 'amazon.titan-text-lite-v1';
export const OTHER_TEXT_MODEL = 'meta.llama3-8b-instruct-v1:0';
export const EMBED_MODEL = 'amazon.titan-embed-text-v2:0';

export const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });

export interface CreatedKey {
  readonly id: string;
  readonly secret: string;
}

/** Creates a key through the real createApiKey mutation (as the bootstrap admin). */
export async function createKey(
  gateway: GatewayHarness,
  input: Record<string, unknown>,
): Promise<CreatedKey> {
  const { body } = await gateway.gql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }`,
    { input },
    bearer(ADMIN),
  );
  const created = body.data?.createApiKey;
  if (created == null) throw new Error(`createApiKey failed: ${JSON.stringify(body.errors)}`);
  return { id: created.apiKey.id, secret: created.secret };
}

export const INVOKE = `mutation ($model: ID!) { invoke(input: { modelId: $model, prompt: "hello", maxTokens: 20 }) { text usage { totalTokens } } }`;

export const STREAM = `subscription ($model: ID!, $max: Int) { invokeStream(input: { modelId: $model, prompt: "tell me a story", maxTokens: $max }) { __typename } }`;

export function codeOf(errors: unknown): unknown {
  const list = errors as { extensions?: { code?: unknown } }[] | undefined;
  return list?.[0]?.extensions?.code;
}
