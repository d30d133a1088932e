import { ConfigurationError, connectQuarryClient, isQuarryError } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/index.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, latency: 'zero' });
});
afterAll(async () => {
  await emulator.close();
});

const hello = { messages: [{ role: 'user' as const, content: 'Hello' }] };

/** What the SDK's credential chain throws when every provider came up empty. */
function noCredentials(): never {
  throw Object.assign(new Error('Could not load credentials from any providers'), {
    name: 'CredentialsProviderError',
  });
}

describe('setup mistakes are CONFIGURATION errors that say what to set', () => {
  it('refuses a missing or malformed region when connecting', () => {
    for (const region of ['', '  ', 'US East']) {
      let caught: unknown;
      try {
        connectQuarryClient({ region, endpoint: emulator.url });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigurationError);
      expect(caught).toMatchObject({ code: 'CONFIGURATION', setting: 'region', retryable: false });
      expect((caught as Error).message).toContain("'us-east-1'");
    }
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    for (const endpoint of ['127.0.0.1:4010', 'ftp://example.com', 'not a url']) {
      expect(() => connectQuarryClient({ region: 'us-east-1', endpoint })).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION', setting: 'endpoint' }),
      );
    }
  });

  it('fails a call with no credentials found as CONFIGURATION naming the variables, without retrying', async () => {
    const quarry = connectQuarryClient({
      region: 'eu-west-1',
      endpoint: emulator.url,
      credentials: noCredentials,
    });
    try {
      const before = emulator.stats.snapshot().requests;
      const failure: unknown = await quarry
        .invoke('amazon.nova-micro-v1:0', hello)
        .catch((error: unknown) => error);
      expect(isQuarryError(failure)).toBe(true);
      expect(failure).toMatchObject({ code: 'CONFIGURATION', setting: 'credentials', retryable: false });
      expect((failure as Error).message).toContain('No AWS credentials found for eu-west-1');
      expect((failure as Error).message).toContain('AWS_ACCESS_KEY_ID');
      expect((failure as Error).message).not.toMatch(/graphql/i);
      await expect(quarry.checkCredentials()).rejects.toMatchObject({ code: 'CONFIGURATION' });
      expect(emulator.stats.snapshot().requests).toBe(before);
    } finally {
      quarry.close();
    }
  });

  it('checkCredentials passes when the chain finds credentials', async () => {
    const quarry = connectQuarryClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    try {
      await expect(quarry.checkCredentials()).resolves.toBeUndefined();
    } finally {
      quarry.close();
    }
  });
});
