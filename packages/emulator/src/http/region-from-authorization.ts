/** Bedrock's default when a request carries no SigV4 scope (Bearer keys, unsigned curl calls). */
const DEFAULT_REGION = 'us-east-1';

// `Credential=<AKID>/<yyyymmdd>/<region>/bedrock/aws4_request` (bedrock-protocol.md §1.2).
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//;

/**
 * The region a request was signed for. The signature itself is never checked: the SDK signs
 * `:authority`, which proxies and port rewrites change, and any credentials are welcome here.
 */
export function regionFromAuthorization(authorization: string | undefined): string {
  if (authorization === undefined) return DEFAULT_REGION;
  return CREDENTIAL_SCOPE.exec(authorization)?.[1] ?? DEFAULT_REGION;
}
