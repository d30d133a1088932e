#!/usr/bin/env node
// The standalone emulator (`pnpm emulator`). The only module that touches process.
import { CLI_USAGE, CliHelp, CliUsageError, parseCliOptions, type CliOptions } from './cli-options.js';
import { startEmulator } from './index.js';

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliHelp) {
      console.log(error.message);
      return;
    }
    if (error instanceof CliUsageError) {
      console.error(`quarry-emulator: ${error.message}\n\n${CLI_USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    latency: options.latency,
    strictAccess: options.strictAccess,
  });
  console.log(
    `Quarry emulator listening on ${emulator.url} (Bedrock runtime, control plane and agent runtime; ` +
      `HTTP/1.1 and h2c; latency ${options.latency}${options.strictAccess ? '; strict access' : ''})`,
  );
  console.log(
    `Point the AWS SDK at it with { endpoint: '${emulator.url}', region: 'us-east-1', credentials: any }.`,
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the emulator`);
    emulator.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  console.error(
    code === 'EADDRINUSE' ? `quarry-emulator: the port is already in use (${String(error)})` : error,
  );
  process.exitCode = 1;
});
