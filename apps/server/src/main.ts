// Composition root: the only module that reads the environment, builds clients and picks implementations.
import { connectQuarryClient, type BedrockConnectionOptions } from '@quarry/core';
import type { Emulator } from '@quarry/emulator';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createBatchService } from './batch/batch-service.js';
import { lazyS3 } from './batch/lazy-s3.js';
import { playgroundDirectory } from './http/playground-directory.js';
import { startServer } from './server.js';
import { openStore } from './store/open-store.js';
import { StoreStartupError } from './store/store-errors.js';
import type { Store } from './store/store.js';

/** Any credentials work against the emulator; the SDK still needs some to sign with. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'quarry-local', secretAccessKey: 'quarry-local' };
/** Zero-config batch with the embedded emulator: its store, a default bucket and role. */
const EMULATOR_BATCH_URI = 's3://quarry-batch/jobs/';
const EMULATOR_BATCH_ROLE = 'arn:aws:iam::123456789012:role/QuarryBatch';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Quarry cannot start. ${error.message}`);
    process.exitCode = 2;
    return;
  }
  const logger = pino(
    {
      level: config.logLevel,
      base: { service: 'quarry-gateway' },
      // Prompts and completions never reach logs above debug; keys never at all.
      redact: ['*.prompt', '*.messages', '*.system', 'req.headers.authorization'],
    },
    // Asynchronous writes: a success line per call must never block the event loop on stdout
    // (pino's default destination writes synchronously). Flushed on shutdown.
    pino.destination({ dest: 1, sync: false }),
  );

  // The store first: a bad database stops startup before anything listens.
  let store: Store;
  try {
    store = await openStore({ location: config.database, logger: logger.child({ component: 'store' }) });
  } catch (error) {
    if (!(error instanceof StoreStartupError)) throw error;
    logger.fatal({ event: 'store.start-failed', err: error }, `Quarry cannot start. ${error.message}`);
    process.exitCode = 1;
    return;
  }

  let emulator: Emulator | undefined;
  let connection: BedrockConnectionOptions;
  let upstream: string;
  switch (config.upstream.kind) {
    case 'emulator': {
      // Loaded only when embedded: a gateway in front of AWS or a URL never pays for it at startup.
      const { startEmulator } = await import('@quarry/emulator');
      emulator = await startEmulator({
        port: 0,
        latency: config.upstream.latency,
        onInternalError: (error) => {
          logger.error({ event: 'emulator.internal-error', err: error }, 'emulator bug');
        },
      });
      connection = {
        region: config.upstream.region,
        endpoint: emulator.url,
        credentials: EMULATOR_CREDENTIALS,
      };
      upstream = `emulator (in-process at ${emulator.url}, latency ${config.upstream.latency}) ${config.upstream.region}`;
      break;
    }
    case 'aws':
      connection = { region: config.upstream.region };
      upstream = `aws (Amazon Bedrock, SDK default credentials) ${config.upstream.region}`;
      break;
    case 'url':
      connection = {
        region: config.upstream.region,
        endpoint: config.upstream.url,
        ...(!config.upstream.useDefaultCredentials && { credentials: EMULATOR_CREDENTIALS }),
      };
      upstream = `${config.upstream.url} ${config.upstream.region}`;
      break;
  }
  logger.info(
    { event: 'gateway.upstream', upstream, region: connection.region, runtimePath: config.runtimePath },
    `Upstream: ${upstream}`,
  );
  if (config.adminKey === undefined) {
    logger.warn(
      { event: 'gateway.open' },
      'No QUARRY_ADMIN_KEY: the gateway accepts unauthenticated requests until the first API key is created (allowed only with the emulator upstream).',
    );
  }

  const client = connectQuarryClient({
    ...connection,
    // One streaming socket per allowed stream, so the stream cap, not the pool, is what refuses.
    maxStreamSockets: config.limits.streams,
    logger: logger.child({ component: 'core' }),
    streamIdleTimeoutMs: config.streamIdleTimeoutMs,
    runtimePath: config.runtimePath,
  });

  // The SDK resolves credentials lazily; asking now turns "no credentials" into a startup failure
  // that says what to set, instead of every request failing with CONFIGURATION later.
  if (connection.credentials === undefined) {
    try {
      await client.checkCredentials();
    } catch (error) {
      logger.fatal(
        { event: 'gateway.credentials-missing', err: error },
        `Quarry cannot start: ${error instanceof Error ? error.message : String(error)}`,
      );
      client.close();
      await emulator?.close();
      process.exitCode = 1;
      return;
    }
  }

  // lazyConnect + an explicit connect: a wrong REDIS_URL stops startup with a clear message
  // instead of every request failing later.
  let redis: Redis | undefined;
  if (config.redisUrl !== undefined) {
    // Loaded only when configured: ioredis costs startup time a gateway without Redis never needs.
    const { createRedisClient } = await import('./governance/redis-client.js');
    redis = createRedisClient(config.redisUrl, logger.child({ component: 'redis' }));
    try {
      await redis.connect();
    } catch (error) {
      logger.fatal(
        { event: 'gateway.redis-failed', err: error },
        `Quarry cannot reach REDIS_URL: ${String(error)}`,
      );
      // It would keep reconnecting in the background and hold the process open.
      redis.disconnect();
      client.close();
      await emulator?.close();
      process.exitCode = 1;
      return;
    }
    logger.info(
      { event: 'gateway.redis', prefix: config.redisPrefix },
      'Rate limits and budgets shared through Redis',
    );
  }
  // Batch input and output live in S3: the emulator's own store, or real S3 next to real Bedrock.
  const s3 = lazyS3({
    region: connection.region,
    maxAttempts: 3,
    ...(connection.endpoint !== undefined && { endpoint: connection.endpoint, forcePathStyle: true }),
    ...(connection.credentials !== undefined && { credentials: connection.credentials }),
  });
  const batch = createBatchService({
    client,
    s3,
    settings: {
      s3Uri: config.batch.s3Uri ?? (emulator === undefined ? undefined : EMULATOR_BATCH_URI),
      roleArn: config.batch.roleArn ?? (emulator === undefined ? undefined : EMULATOR_BATCH_ROLE),
      createBucket: emulator !== undefined,
    },
  });

  let server;
  try {
    server = await startServer({
      host: config.host,
      port: config.port,
      client,
      catalog: client.catalog,
      store,
      logger,
      limits: config.limits,
      adminKey: config.adminKey,
      production: config.production,
      development: config.development,
      upstream,
      modelCacheTtlMs: config.modelCacheTtlMs,
      shutdownGraceMs: config.shutdownGraceMs,
      readyTimeoutMs: config.readyTimeoutMs,
      allowOpen: config.upstream.kind === 'emulator',
      // Apollo installs its usage reporting when APOLLO_KEY is set; the HTTP fast path does not run it.
      httpFastPath: process.env['APOLLO_KEY'] === undefined,
      redis,
      redisPrefix: config.redisPrefix,
      corsOrigins: config.corsOrigins,
      playgroundDirectory: config.playground ? playgroundDirectory() : undefined,
      batch,
      jobPolling: config.jobPolling,
    });
  } catch (error) {
    // A taken port is an everyday mistake with one fix: say so in one line, without a stack.
    if ((error as { code?: unknown }).code === 'EADDRINUSE')
      logger.fatal(
        { event: 'gateway.start-failed', code: 'EADDRINUSE', port: config.port },
        `Quarry cannot start: port ${config.port} is taken: set PORT to a free port (0 picks any).`,
      );
    else logger.fatal({ event: 'gateway.start-failed', err: error }, 'Quarry could not start.');
    client.close();
    redis?.disconnect();
    s3.destroy();
    await emulator?.close();
    await store.close();
    process.exitCode = 1;
    return;
  }
  logger.info({ event: 'gateway.listening', url: server.url }, `Quarry gateway ready at ${server.url}`);

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    logger.info({ event: 'gateway.signal', signal }, `${signal}: shutting down`);
    // stop() is bounded by the grace period; this is the backstop if something still hangs.
    setTimeout(() => {
      logger.error({ event: 'gateway.stop-timeout' }, 'shutdown overran its grace period; exiting');
      logger.flush();
      process.exit(1);
    }, config.shutdownGraceMs + 5_000).unref();
    await server.stop();
    client.close();
    await redis?.quit();
    s3.destroy();
    await emulator?.close();
    await store.close();
    logger.flush();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error({ event: 'gateway.stop-failed', err: error }, 'shutdown failed');
        process.exitCode = 1;
      });
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
