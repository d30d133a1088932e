import { describe, expect, it } from 'vitest';

import { CliHelp, CliUsageError, parseCliOptions } from '../src/cli-options.js';

describe('parseCliOptions', () => {
  it('defaults to 127.0.0.1:4010 with realistic latency', () => {
    expect(parseCliOptions([], {})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      latency: 'realistic',
      strictAccess: false,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      QUARRY_EMULATOR_PORT: '5000',
      QUARRY_EMULATOR_LATENCY: 'zero',
      QUARRY_EMULATOR_STRICT_ACCESS: '1',
    };
    expect(parseCliOptions([], env)).toEqual({
      port: 5000,
      host: '127.0.0.1',
      latency: 'zero',
      strictAccess: true,
    });
    expect(parseCliOptions(['--port', '0', '--latency=realistic', '--host', '0.0.0.0'], env)).toEqual({
      port: 0,
      host: '0.0.0.0',
      latency: 'realistic',
      strictAccess: true,
    });
    expect(parseCliOptions(['--strict-access'], {}).strictAccess).toBe(true);
  });

  it('names the bad flag or variable', () => {
    for (const [argv, env, message] of [
      [['--port', '99999'], {}, '--port must be a port number'],
      [['--port'], {}, '--port needs a value'],
      [['--latency', 'fast'], {}, '--latency must be "zero" or "realistic"'],
      [['--verbose'], {}, 'unknown argument "--verbose"'],
      [[], { QUARRY_EMULATOR_PORT: 'x' }, 'QUARRY_EMULATOR_PORT must be a port number'],
      [[], { QUARRY_EMULATOR_STRICT_ACCESS: 'yes' }, 'QUARRY_EMULATOR_STRICT_ACCESS must be 1 or 0'],
    ] as const) {
      expect(() => parseCliOptions(argv, env)).toThrow(CliUsageError);
      expect(() => parseCliOptions(argv, env)).toThrow(message);
    }
    expect(() => parseCliOptions(['--help'], {})).toThrow(CliHelp);
  });
});
