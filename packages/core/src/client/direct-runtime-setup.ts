import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { getUserAgentPrefix } from '@aws-sdk/core/client';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  ChecksumConstructor,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
  RequestHandler,
} from '@smithy/types';

/** An SDK identity, with the credential-source features the SDK reports in its user agent. */
type Identity = AwsCredentialIdentity & { readonly $source?: Readonly<Record<string, string>> };

/**
 * Everything the direct path needs that the SDK works out per command, worked out once per
 * client from the SDK client's own resolved config: the endpoint (its resolver, run once per
 * region), the signer, the user agent and the request handler (so both paths share one pool).
 */
export interface DirectRuntimeSetup {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number | undefined;
  /** The endpoint's path without a trailing slash ('' for AWS's hosts). */
  readonly basePath: string;
  /** `host` over HTTP/1.1, `:authority` over HTTP/2 (what the SDK's host-header step does). */
  readonly authorityHeader: 'host' | ':authority';
  readonly authority: string;
  readonly region: string;
  readonly maxAttempts: number;
  readonly signer: SignatureV4;
  readonly handler: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;
  readonly credentials: () => Promise<Identity>;
  /** The date to sign with: corrected by the clock skew the SDK client has learnt. */
  signingDate(): Date;
  /**
   * Learns the clock skew from a plain call's `date` header as the SDK's signer does after every
   * response (into the same config field, so both paths share it); streams are not sampled.
   */
  sampleClock(headers: Readonly<Record<string, string>>, sentAt: number): void;
  /** `[x-amz-user-agent, user-agent]` for a request signed with `identity`. */
  userAgent(identity: Identity): readonly [string, string];
}

/** The slice of a BedrockRuntimeClient's resolved config the direct path reads. */
interface RuntimeConfig {
  region: () => Promise<string>;
  useFipsEndpoint: () => Promise<boolean>;
  useDualstackEndpoint: () => Promise<boolean>;
  isCustomEndpoint?: boolean;
  endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }>;
  endpointProvider: (params: Record<string, unknown>, context: { logger: unknown }) => { url: URL };
  logger: unknown;
  credentials: () => Promise<Identity>;
  sha256: ChecksumConstructor;
  signingEscapePath?: boolean;
  systemClockOffset?: number;
  maxAttempts: () => Promise<number>;
  retryStrategy: () => Promise<{ mode?: string }>;
  defaultUserAgentProvider: () => Promise<[string, string?][]>;
  customUserAgent?: [string, string?][];
  userAgentAppId: () => Promise<string | undefined>;
  requestHandler: RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> & {
    metadata?: { handlerProtocol?: string };
  };
  authSchemePreference?: () => Promise<string[]>;
  disableClockSkewCorrection?: () => Promise<boolean>;
}

/**
 * Resolves the direct path's setup from an SDK runtime client, or undefined when the client is
 * configured for something the direct path does not do (bearer API keys): such clients keep the
 * SDK path.
 */
export async function resolveDirectRuntimeSetup(
  client: BedrockRuntimeClient,
): Promise<DirectRuntimeSetup | undefined> {
  const config = client.config as unknown as RuntimeConfig;
  const preference = (await config.authSchemePreference?.()) ?? [];
  if (preference[0] !== undefined && !/sigv4$/i.test(preference[0])) return undefined;
  const region = await config.region();
  let customEndpoint: string | undefined;
  if (config.isCustomEndpoint === true && config.endpoint !== undefined) {
    const endpoint = await config.endpoint();
    customEndpoint = `${endpoint.protocol}//${endpoint.hostname}${endpoint.port === undefined ? '' : `:${endpoint.port}`}${endpoint.path}`;
  }
  const { url } = config.endpointProvider(
    {
      Region: region,
      UseFIPS: await config.useFipsEndpoint(),
      UseDualStack: await config.useDualstackEndpoint(),
      ...(customEndpoint !== undefined && { Endpoint: customEndpoint }),
    },
    { logger: config.logger },
  );
  const port = url.port === '' ? undefined : Number(url.port);
  const h2 = (config.requestHandler.metadata?.handlerProtocol ?? '').includes('h2');
  const signer = new SignatureV4({
    credentials: config.credentials,
    region,
    service: 'bedrock',
    sha256: config.sha256,
    uriEscapePath: config.signingEscapePath ?? true,
  });
  cacheSigningKeysPerDay(signer);

  // The user agent as the SDK's user-agent step builds it: the default pairs, then `m/` with
  // the features in the order the SDK records them (endpoint override, retry mode, credentials).
  const defaultPairs = (await config.defaultUserAgentProvider()).map(escapeUserAgent);
  const retryMode = (await config.retryStrategy()).mode;
  const baseFeatures: Record<string, string> = {
    ...(config.isCustomEndpoint === true && { ENDPOINT_OVERRIDE: 'N' }),
    ...(retryMode === 'standard' && { RETRY_MODE_STANDARD: 'E' }),
    ...(retryMode === 'adaptive' && { RETRY_MODE_ADAPTIVE: 'F' }),
  };
  const appId = await config.userAgentAppId();
  const skewCorrection = (await config.disableClockSkewCorrection?.()) !== true;
  const custom = (config.customUserAgent ?? []).map(escapeUserAgent);
  const prefix = getUserAgentPrefix();
  const byIdentity = new WeakMap<Identity, readonly [string, string]>();
  const userAgent = (identity: Identity): readonly [string, string] => {
    const known = byIdentity.get(identity);
    if (known !== undefined) return known;
    const features = { ...baseFeatures, ...identity.$source };
    const pairs = [...defaultPairs, `m/${Object.values(features).join(',')}`];
    if (appId) pairs.push(escapeUserAgent(['app', appId]));
    const full = [...(prefix ? [prefix] : []), ...pairs, ...custom].join(' ');
    const sdk = [...pairs.filter((pair) => pair.startsWith('aws-sdk-')), ...custom].join(' ');
    const strings = [sdk, full] as const;
    byIdentity.set(identity, strings);
    return strings;
  };

  let clock = { date: '', serverTime: Number.NaN };
  return {
    protocol: url.protocol,
    hostname: url.hostname,
    port,
    basePath: url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname,
    authorityHeader: h2 ? ':authority' : 'host',
    authority: url.hostname + (port === undefined ? '' : `:${port}`),
    region,
    maxAttempts: await config.maxAttempts(),
    signer,
    handler: config.requestHandler,
    credentials: config.credentials,
    signingDate: skewCorrection
      ? () => new Date(Date.now() + (config.systemClockOffset ?? 0))
      : () => new Date(),
    sampleClock: (headers, sentAt) => {
      const date = headers['date'];
      if (!skewCorrection || date === undefined || headers['age'] !== undefined) return;
      // A `date` header changes once a second: parsed once per value, not once per call.
      if (date !== clock.date) clock = { date, serverTime: Date.parse(date) };
      const { serverTime } = clock;
      const now = Date.now();
      if (Number.isNaN(serverTime) || now - sentAt > 900_000) return;
      config.systemClockOffset = serverTime - now;
    },
    userAgent,
  };
}

type SigningKeyFn = (
  credentials: AwsCredentialIdentity,
  region: string,
  shortDate: string,
  service?: string,
) => Promise<Uint8Array>;

/**
 * SignatureV4 finds its cached signing key by HMAC-ing the secret on every request; this keys the
 * cache by the credentials object (the SDK's provider hands out the same object until it
 * refreshes) and day/region/service, so a call costs no key work at all. The key derivation
 * itself stays SignatureV4's.
 */
function cacheSigningKeysPerDay(signer: SignatureV4): void {
  const target = signer as unknown as { getSigningKey: SigningKeyFn };
  const derive = target.getSigningKey.bind(signer);
  let cache = new WeakMap<AwsCredentialIdentity, Map<string, Promise<Uint8Array>>>();
  let day = '';
  target.getSigningKey = (credentials, region, shortDate, service) => {
    if (shortDate !== day) {
      day = shortDate;
      cache = new WeakMap();
    }
    let keys = cache.get(credentials);
    if (keys === undefined) cache.set(credentials, (keys = new Map<string, Promise<Uint8Array>>()));
    const id = `${region}/${service ?? ''}`;
    let key = keys.get(id);
    if (key === undefined) {
      key = derive(credentials, region, shortDate, service);
      keys.set(id, key);
      key.catch(() => keys.delete(id));
    }
    return key;
  };
}

/** The SDK user-agent step's escaping of one `[name, version]` pair. */
function escapeUserAgent(pair: [string, string?]): string {
  const name = pair[0]
    .split('/')
    .map((part) => part.replace(/[^!$%&'*+\-.^_`|~\w]/g, '-'))
    .join('/');
  const version = pair[1]?.replace(/[^!$%&'*+\-.^_`|~\w#]/g, '-');
  const separator = name.indexOf('/');
  const prefix = name.substring(0, separator);
  let uaName = name.substring(separator + 1);
  if (prefix === 'api') uaName = uaName.toLowerCase();
  return [prefix, uaName, version]
    .filter((item): item is string => item !== undefined && item.length > 0)
    .reduce(
      (joined, item, index) => (index === 0 ? item : index === 1 ? `${joined}/${item}` : `${joined}#${item}`),
      '',
    );
}
