import type { LatencyOption } from './latency.js';

/** What the standalone emulator runs with. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly latency: Extract<LatencyOption, string>;
  readonly strictAccess: boolean;
}

/** `--help`: print usage, exit 0. */
export class CliHelp extends Error {
  override name = 'CliHelp';
}

/** A bad flag or environment value; the CLI prints it with the usage and exits 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export const CLI_USAGE = `Usage: quarry-emulator [--port N] [--host H] [--latency zero|realistic] [--strict-access]

  --port N           port to listen on (env QUARRY_EMULATOR_PORT, default 4010; 0 picks a free one)
  --host H           interface to bind (default 127.0.0.1)
  --latency MODE     zero | realistic (env QUARRY_EMULATOR_LATENCY, default realistic)
  --strict-access    models needing an agreement answer AccessDenied until one is created
                     (env QUARRY_EMULATOR_STRICT_ACCESS=1)
  --help             show this text`;

const DEFAULT_PORT = 4010;

/**
 * Reads flags (which win) and environment. Pure, so it is testable; throws CliUsageError naming
 * the bad value, or CliHelp.
 */
export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  let port =
    env['QUARRY_EMULATOR_PORT'] === undefined
      ? DEFAULT_PORT
      : parsePort(env['QUARRY_EMULATOR_PORT'], 'QUARRY_EMULATOR_PORT');
  let latency =
    env['QUARRY_EMULATOR_LATENCY'] === undefined
      ? 'realistic'
      : parseLatency(env['QUARRY_EMULATOR_LATENCY'], 'QUARRY_EMULATOR_LATENCY');
  let strictAccess = parseFlagEnv(env['QUARRY_EMULATOR_STRICT_ACCESS']);
  let host = '127.0.0.1';
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const equals = argument.indexOf('=');
    const name = equals === -1 ? argument : argument.slice(0, equals);
    const value = (): string => {
      if (equals !== -1) return argument.slice(equals + 1);
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new CliUsageError(`${name} needs a value`);
      index++;
      return next;
    };
    switch (name) {
      case '--port':
        port = parsePort(value(), '--port');
        break;
      case '--host':
        host = value();
        break;
      case '--latency':
        latency = parseLatency(value(), '--latency');
        break;
      case '--strict-access':
        if (equals !== -1) throw new CliUsageError('--strict-access takes no value');
        strictAccess = true;
        break;
      case '--help':
      case '-h':
        throw new CliHelp(CLI_USAGE);
      default:
        throw new CliUsageError(`unknown argument "${argument}"`);
    }
  }
  return { port, host, latency, strictAccess };
}

function parsePort(raw: string, source: string): number {
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliUsageError(`${source} must be a port number 0-65535, got "${raw}"`);
  }
  return port;
}

function parseLatency(raw: string, source: string): 'zero' | 'realistic' {
  if (raw === 'zero' || raw === 'realistic') return raw;
  throw new CliUsageError(`${source} must be "zero" or "realistic", got "${raw}"`);
}

function parseFlagEnv(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new CliUsageError(`QUARRY_EMULATOR_STRICT_ACCESS must be 1 or 0, got "${raw}"`);
}
