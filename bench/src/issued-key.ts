import { BENCH_ADMIN_KEY } from './processes.js';

/**
 * Issues an API key the way a platform team would hand one to an app: a model allowlist, requests
 * and tokens per minute, and a monthly budget, all set high enough never to refuse a benchmark
 * call, so every call still pays for each check (the key's lookup, the counters, the budget's
 * reservation and settlement). The admin key skips all of them. Returns the `authorization` header.
 */
export async function issueLimitedKey(gatewayUrl: string): Promise<Record<string, string>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    body: JSON.stringify({
      query: `mutation { createApiKey(input: { name: "bench", models: ["anthropic.*"], requestsPerMinute: 100000000, tokensPerMinute: 1000000000, monthlyBudgetUsd: 1000000 }) { secret } }`,
    }),
  });
  const body = (await response.json()) as { data?: { createApiKey?: { secret?: string } }; errors?: unknown };
  const secret = body.data?.createApiKey?.secret;
  if (secret === undefined)
    throw new Error(`createApiKey failed at ${gatewayUrl}: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${secret}` };
}
