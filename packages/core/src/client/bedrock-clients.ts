import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { ConfigurationError } from '../errors/quarry-error.js';

/** Static keys or any SDK credential provider. */
export type BedrockCredentials =
  | { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>);

/**
 * How the runtime client talks to Bedrock.
 * - `http1`: HTTP/1.1 with a keep-alive pool shared by calls and streams (Quarry's default; measured
 *   fastest, and an aborted stream costs one socket instead of a TLS+h2 handshake per call).
 * - `http2`: one multiplexed HTTP/2 session for plain calls. The SDK still opens an isolated
 *   session per event stream.
 * - `sdk-default`: what the SDK does unconfigured, a new HTTP/2 session per request. Benchmarks only.
 */
export type BedrockTransport = 'http1' | 'http2' | 'sdk-default';

export interface BedrockConnectionOptions {
  readonly region: string;
  /** A Bedrock-compatible endpoint (e.g. the emulator); AWS's regional endpoints when omitted. */
  readonly endpoint?: string | undefined;
  /** The SDK's default credential chain when omitted. */
  readonly credentials?: BedrockCredentials | undefined;
  /** @default 'http1' */
  readonly transport?: BedrockTransport | undefined;
  /** Keep-alive pool size for plain calls (http1). @default 50 */
  readonly maxSockets?: number | undefined;
  /**
   * Pool size of the separate client that carries event streams (http1). Streams hold a socket for
   * their whole life, so they get their own pool: long streams never starve plain calls.
   * @default 256
   */
  readonly maxStreamSockets?: number | undefined;
  /** Fails a connection attempt after this long. @default 3100 */
  readonly connectionTimeoutMs?: number | undefined;
}

export interface BedrockClients {
  readonly region: string;
  /** InvokeModel, Converse and other plain calls. */
  readonly runtime: BedrockRuntimeClient;
  /** InvokeModelWithResponseStream and ConverseStream, on a pool of their own. */
  readonly streamingRuntime: BedrockRuntimeClient;
  readonly control: BedrockClient;
  readonly agentRuntime: BedrockAgentRuntimeClient;
  /** Closes every pooled connection. */
  destroy(): void;
}

/**
 * Builds the three SDK clients with Quarry's transport and `maxAttempts: 1`: Quarry's retry policy
 * is the single retry layer, so attempts never multiply (the SDK would otherwise make 3 per call).
 */
export function createBedrockClients(options: BedrockConnectionOptions): BedrockClients {
  checkRegion(options.region);
  if (options.endpoint !== undefined) checkEndpoint(options.endpoint);
  quietNodeSupportWarning();
  const transport = options.transport ?? 'http1';
  const connectionTimeout = options.connectionTimeoutMs ?? 3_100;
  const common = {
    region: options.region,
    maxAttempts: 1,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
  };
  // Every socket the pool may open stays pooled when idle: Node keeps only 256 free sockets by
  // default, so a streaming pool above that closed the rest after each wave of streams and
  // reconnected (TCP, and TLS against Bedrock) for the next one.
  const http1 = (maxSockets: number): NodeHttpHandler =>
    new NodeHttpHandler({
      connectionTimeout,
      httpAgent: { keepAlive: true, maxSockets, maxFreeSockets: maxSockets },
      httpsAgent: { keepAlive: true, maxSockets, maxFreeSockets: maxSockets },
    });
  const runtimeHandler = (maxSockets: number): NodeHttpHandler | NodeHttp2Handler | undefined => {
    switch (transport) {
      case 'http1':
        return http1(maxSockets);
      case 'http2':
        return new NodeHttp2Handler({ disableConcurrentStreams: false });
      case 'sdk-default':
        return undefined;
    }
  };
  const maxSockets = options.maxSockets ?? 50;
  const maxStreamSockets = options.maxStreamSockets ?? 256;
  const withHandler = (handler: NodeHttpHandler | NodeHttp2Handler | undefined) =>
    handler === undefined ? common : { ...common, requestHandler: handler };
  const runtime = new BedrockRuntimeClient(withHandler(runtimeHandler(maxSockets)));
  const streamingRuntime = new BedrockRuntimeClient(withHandler(runtimeHandler(maxStreamSockets)));
  const agentRuntime = new BedrockAgentRuntimeClient(withHandler(runtimeHandler(maxStreamSockets)));
  const control = new BedrockClient({ ...common, requestHandler: http1(maxSockets) });
  return {
    region: options.region,
    runtime,
    streamingRuntime,
    control,
    agentRuntime,
    destroy() {
      runtime.destroy();
      streamingRuntime.destroy();
      control.destroy();
      agentRuntime.destroy();
    },
  };
}

// Shapes like us-east-1, eu-central-2, us-gov-west-1, ap-southeast-5.
const REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;

/** The SDK would only fail later, at the first call, with "Region is missing". */
function checkRegion(region: unknown): void {
  if (typeof region !== 'string' || region.trim() === '') {
    throw new ConfigurationError(
      'region',
      "No AWS region given: pass `region` (e.g. 'us-east-1'), the region whose Bedrock endpoint to call.",
    );
  }
  if (!REGION.test(region)) {
    throw new ConfigurationError(
      'region',
      `region ${JSON.stringify(region)} is not an AWS region name: pass one like 'us-east-1' or 'eu-central-1'.`,
    );
  }
}

function checkEndpoint(endpoint: string): void {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigurationError(
      'endpoint',
      `endpoint ${JSON.stringify(endpoint)} is not an http(s) URL: pass one like 'http://127.0.0.1:4010' ` +
        "(an emulator or proxy), or omit endpoint to call AWS's regional Bedrock endpoints.",
    );
  }
}

/**
 * From January 2027 new AWS SDK releases need Node 22; until then every process on Node 20 gets
 * a NodeVersionSupportWarning when the first client is built. Quarry supports Node 20.19+, so it
 * turns off that one warning (the SDK's own switch), and only when the application has not set
 * the switch itself. Other warnings are untouched.
 */
function quietNodeSupportWarning(): void {
  // eslint-disable-next-line no-restricted-properties -- sets the SDK's own switch; reads no configuration
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}
