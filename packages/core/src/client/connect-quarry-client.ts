import { createModelCatalog } from '../catalog/model-catalog.js';
import { defaultCodecRegistry } from '../codecs/codec-registry.js';
import {
  createBedrockClients,
  type BedrockClients,
  type BedrockConnectionOptions,
} from './bedrock-clients.js';
import { fromBedrockException } from '../errors/from-bedrock-exception.js';
import { createQuarryClient, type QuarryClient, type QuarryClientDeps } from './quarry-client.js';

/** Where to reach Bedrock, plus any client setting to override (catalog, codecs, retry, logger, …). */
export type QuarryConnectionOptions = BedrockConnectionOptions &
  Partial<Omit<QuarryClientDeps, 'runtime' | 'streamingRuntime' | 'control' | 'region'>>;

export interface ConnectedQuarryClient extends QuarryClient {
  /** The SDK clients underneath, for calls Quarry does not wrap. */
  readonly bedrock: BedrockClients;
  /**
   * Asks the SDK's credential chain for credentials now, instead of at the first call: a missing
   * setup fails with a ConfigurationError (code CONFIGURATION) that says what to set. Lets an
   * application refuse to start rather than fail its first request.
   */
  checkCredentials(): Promise<void>;
  /** Closes every pooled connection. */
  close(): void;
}

/**
 * The one-call setup: SDK clients with Quarry's transport (see createBedrockClients) and a Quarry
 * client over them with the built-in catalog and codecs unless overridden. Use createQuarryClient
 * directly to inject SDK clients you built yourself.
 */
export function connectQuarryClient(options: QuarryConnectionOptions): ConnectedQuarryClient {
  const bedrock = createBedrockClients(options);
  const client = createQuarryClient({
    ...options,
    catalog: options.catalog ?? createModelCatalog(),
    codecs: options.codecs ?? defaultCodecRegistry(),
    runtime: bedrock.runtime,
    streamingRuntime: bedrock.streamingRuntime,
    control: bedrock.control,
    agentRuntime: bedrock.agentRuntime,
    region: bedrock.region,
  });
  return {
    ...client,
    bedrock,
    async checkCredentials() {
      try {
        await bedrock.control.config.credentials();
      } catch (error) {
        throw fromBedrockException(error, { region: bedrock.region });
      }
    },
    close: () => {
      bedrock.destroy();
    },
  };
}
