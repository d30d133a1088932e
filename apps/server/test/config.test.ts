import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to the in-process emulator on 127.0.0.1:4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      upstream: { kind: 'emulator', latency: 'realistic', region: 'us-east-1' },
      production: false,
    });
    expect(config.limits).toMatchObject({
      depth: 10,
      aliases: 15,
      directives: 50,
      tokens: 2000,
      subscriptionsPerSocket: 100,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('sends hot runtime calls on the direct path unless QUARRY_RUNTIME_PATH picks the SDK', () => {
    expect(loadConfig({}).runtimePath).toBe('direct');
    expect(loadConfig({ QUARRY_RUNTIME_PATH: 'sdk' }).runtimePath).toBe('sdk');
    expect(() => loadConfig({ QUARRY_RUNTIME_PATH: 'fast' })).toThrow(/QUARRY_RUNTIME_PATH/);
  });

  it('serves the playground outside production unless QUARRY_PLAYGROUND says otherwise', () => {
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', QUARRY_PLAYGROUND: 'on' }).playground).toBe(true);
    expect(loadConfig({ QUARRY_PLAYGROUND: 'off' }).playground).toBe(false);
    expect(() => loadConfig({ QUARRY_PLAYGROUND: 'yes' })).toThrow(/QUARRY_PLAYGROUND/);
  });

  it('lists every bad value at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', QUARRY_UPSTREAM: 'ftp://x' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('QUARRY_UPSTREAM');
  });

  it('lists problems that span variables together with bad values', () => {
    const message = (() => {
      try {
        loadConfig({ PORT: 'abc', QUARRY_UPSTREAM: 'aws', DATABASE_URL: 'mysql://db/quarry' });
      } catch (caught) {
        return (caught as Error).message;
      }
      return '';
    })();
    expect(message).toContain('PORT');
    expect(message).toContain('AWS_REGION is required');
    expect(message).toContain('QUARRY_ADMIN_KEY is required');
    expect(message).toContain('DATABASE_URL');
  });

  it('gives the in-process emulator the configured AWS_REGION', () => {
    expect(loadConfig({ AWS_REGION: 'eu-west-1' }).upstream).toEqual({
      kind: 'emulator',
      latency: 'realistic',
      region: 'eu-west-1',
    });
  });

  it('requires AWS_REGION and an admin key for the aws upstream', () => {
    expect(() => loadConfig({ QUARRY_UPSTREAM: 'aws', QUARRY_ADMIN_KEY: 'k'.repeat(16) })).toThrow(
      /AWS_REGION is required/,
    );
    expect(() => loadConfig({ QUARRY_UPSTREAM: 'aws', AWS_REGION: 'eu-west-1' })).toThrow(
      /QUARRY_ADMIN_KEY is required/,
    );
    expect(
      loadConfig({ QUARRY_UPSTREAM: 'aws', AWS_REGION: 'eu-west-1', QUARRY_ADMIN_KEY: 'k'.repeat(16) })
        .upstream,
    ).toEqual({
      kind: 'aws',
      region: 'eu-west-1',
    });
  });

  it('accepts a URL upstream and signs with dummy keys unless AWS credentials are configured', () => {
    const config = loadConfig({ QUARRY_UPSTREAM: 'http://127.0.0.1:4010', QUARRY_ADMIN_KEY: 'k'.repeat(16) });
    expect(config.upstream).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:4010',
      region: 'us-east-1',
      useDefaultCredentials: false,
    });
  });

  it('treats empty strings as unset and turns production on with NODE_ENV', () => {
    expect(loadConfig({ PORT: '', NODE_ENV: 'production' })).toMatchObject({ port: 4000, production: true });
  });

  it('keeps the store in .quarry/quarry.db under the working directory by default', () => {
    expect(loadConfig({}).database).toEqual({ kind: 'sqlite', path: resolve('.quarry/quarry.db') });
  });

  it('reads file: paths and postgres:// URLs from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'file:///var/lib/quarry/q.db' }).database).toEqual({
      kind: 'sqlite',
      path: '/var/lib/quarry/q.db',
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://quarry:pw@db.internal/quarry' }).database).toEqual({
      kind: 'postgres',
      url: 'postgresql://quarry:pw@db.internal/quarry',
      display: 'db.internal:5432/quarry',
    });
  });

  it('refuses an unknown DATABASE_URL scheme without echoing the value, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secret@db/quarry' })).toThrow(
      /DATABASE_URL has an unsupported scheme\. Use file:<path> .* or postgres:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:secret@db/quarry' })).not.toThrow(/secret/);
  });

  it('refuses a DATABASE_URL without a database name, saying what a valid one looks like', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db.internal' })).toThrow(
      /must name a host and a database/,
    );
  });
});
