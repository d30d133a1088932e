import { z } from 'zod';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseLocation } from './store/database-location.js';

/** Request limits; each has an env override (QUARRY_MAX_*). */
export interface RequestLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly tokens: number;
  readonly httpBodyBytes: number;
  readonly wsMessageBytes: number;
  readonly subscriptionsPerSocket: number;
  /** Concurrent invokeStream subscriptions across the whole gateway (and its streaming sockets). */
  readonly streams: number;
  /** Texts in one embed call. */
  readonly embedTexts: number;
  /** Upstream work of one whole operation, across aliases: model invocations, embed texts, images. */
  readonly operationInvocations: number;
  readonly operationTexts: number;
  readonly operationImages: number;
}

export type Upstream =
  | {
      readonly kind: 'emulator';
      readonly latency: 'zero' | 'realistic';
      /** The region clients sign for: the emulator serves any, with per-region models and access. */
      readonly region: string;
    }
  | { readonly kind: 'aws'; readonly region: string }
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly region: string;
      /**
       * Sign with the SDK's default credential chain (env, profile, SSO, IRSA, ECS, instance role)
       * or with dummy keys (emulators, which accept anything).
       */
      readonly useDefaultCredentials: boolean;
    };

/** Everything the gateway reads from the environment, validated once at startup. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly upstream: Upstream;
  /** Where the store keeps its rows (DATABASE_URL). */
  readonly database: DatabaseLocation;
  readonly adminKey: string | undefined;
  readonly production: boolean;
  /** NODE_ENV=development: /ready names the upstream and database (never outside development). */
  readonly development: boolean;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  readonly limits: RequestLimits;
  /** How long `models` trusts one ListFoundationModels answer. */
  readonly modelCacheTtlMs: number;
  /** A stream with no upstream data for this long fails with MODEL_TIMEOUT. */
  readonly streamIdleTimeoutMs: number;
  /** How long shutdown waits for in-flight requests before cancelling them. */
  readonly shutdownGraceMs: number;
  /** How long GET /ready waits for the upstream. */
  readonly readyTimeoutMs: number;
  /** Shared rate-limit and budget counters across gateway processes; in-process when unset. */
  readonly redisUrl: string | undefined;
  /** Prefix of every Redis key the gateway writes (several deployments can share one Redis). */
  readonly redisPrefix: string;
  /** Serve the playground at `/` and `/playground` (QUARRY_PLAYGROUND; off by default in production). */
  readonly playground: boolean;
  /** Origins allowed by CORS; `*` for any. */
  readonly corsOrigins: readonly string[] | '*';
  /** Where inline batch records are uploaded and the role Bedrock assumes for batch jobs. */
  readonly batch: { readonly s3Uri: string | undefined; readonly roleArn: string | undefined };
  /** Job progress polling: the first gap between polls, doubling up to the longest while nothing changes. */
  readonly jobPolling: { readonly minIntervalMs: number; readonly maxIntervalMs: number };
  /** Who sends InvokeModel/Converse and their streams: Quarry's direct path or the SDK's commands. */
  readonly runtimePath: 'direct' | 'sdk';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  QUARRY_UPSTREAM: z
    .union([
      z.enum(['emulator', 'aws']),
      z.url({ protocol: /^https?$/, error: 'must be emulator, aws or an http(s) URL' }),
    ])
    .default('emulator'),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1')
    .optional(),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  QUARRY_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  QUARRY_EMULATOR_LATENCY: z.enum(['zero', 'realistic']).default('realistic'),
  QUARRY_MAX_DEPTH: positiveInt(10),
  QUARRY_MAX_ALIASES: positiveInt(15),
  QUARRY_MAX_DIRECTIVES: positiveInt(50),
  QUARRY_MAX_TOKENS: positiveInt(2_000),
  QUARRY_MAX_BODY_BYTES: positiveInt(1_048_576),
  QUARRY_MAX_WS_MESSAGE_BYTES: positiveInt(1_048_576),
  QUARRY_MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt(100),
  QUARRY_MAX_STREAMS: positiveInt(256),
  QUARRY_MAX_EMBED_TEXTS: positiveInt(2_048),
  QUARRY_UPSTREAM_CREDENTIALS: z.enum(['default', 'dummy']).optional(),
  QUARRY_READY_TIMEOUT_MS: positiveInt(2_000),
  QUARRY_MODEL_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  QUARRY_STREAM_IDLE_TIMEOUT_MS: positiveInt(60_000),
  QUARRY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  QUARRY_MAX_OPERATION_INVOCATIONS: positiveInt(16),
  QUARRY_MAX_OPERATION_TEXTS: positiveInt(2_048),
  QUARRY_MAX_OPERATION_IMAGES: positiveInt(16),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  QUARRY_REDIS_PREFIX: z.string().min(1).default('quarry:'),
  QUARRY_PLAYGROUND: z.enum(['on', 'off']).optional(),
  QUARRY_CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((value, ctx) => {
      if (value.trim() === '*') return '*' as const;
      const origins = value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '');
      for (const origin of origins) {
        if (!/^https?:\/\/[^/\s]+$/.test(origin))
          ctx.addIssue({
            code: 'custom',
            message: `"${origin}" is not an origin such as https://app.example.com (no path)`,
          });
      }
      return origins;
    }),
  QUARRY_BATCH_S3_URI: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be an s3://bucket/prefix/ URI')
    .optional(),
  QUARRY_BATCH_ROLE_ARN: z
    .string()
    .regex(
      /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/.+$/,
      'must be an IAM role ARN (arn:aws:iam::123456789012:role/Name)',
    )
    .optional(),
  QUARRY_JOB_POLL_MS: positiveInt(1_000),
  QUARRY_JOB_POLL_MAX_MS: positiveInt(15_000),
  QUARRY_RUNTIME_PATH: z.enum(['direct', 'sdk']).default('direct'),
});

/**
 * Reads and validates the environment. Throws ConfigError listing every problem at once, so a
 * bad deployment fails at startup with one clear message instead of at the first request.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Empty strings mean "unset" (a common docker-compose artefact).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  // Every problem at once: the schema's issues, then the checks that span variables, each read from
  // the raw values so one bad variable never hides another.
  const problems = parsed.success ? [] : z.prettifyError(parsed.error).split('\n');
  let database: DatabaseLocation | undefined;
  try {
    database = parseDatabaseUrl(cleaned['DATABASE_URL'] ?? DEFAULT_DATABASE_URL);
  } catch (error) {
    problems.push(`✖ ${(error as Error).message}`);
  }
  const upstreamKind = cleaned['QUARRY_UPSTREAM'] ?? 'emulator';
  if (upstreamKind === 'aws' && cleaned['AWS_REGION'] === undefined) {
    problems.push('✖ AWS_REGION is required when QUARRY_UPSTREAM=aws (e.g. AWS_REGION=us-east-1)');
  }
  if (upstreamKind !== 'emulator' && cleaned['QUARRY_ADMIN_KEY'] === undefined) {
    problems.push(
      '✖ QUARRY_ADMIN_KEY is required with a real upstream: Quarry never serves Bedrock without authentication. ' +
        'Set it to a random secret of 16+ characters and send it as "Authorization: Bearer <key>".',
    );
  }
  if (!parsed.success || database === undefined || problems.length > 0) {
    throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const region = e.AWS_REGION ?? 'us-east-1';
  const upstream: Upstream =
    e.QUARRY_UPSTREAM === 'emulator'
      ? { kind: 'emulator', latency: e.QUARRY_EMULATOR_LATENCY, region }
      : e.QUARRY_UPSTREAM === 'aws'
        ? { kind: 'aws', region }
        : {
            kind: 'url',
            url: e.QUARRY_UPSTREAM,
            region,
            // Explicit wins; otherwise assume static AWS credentials mean "sign for real".
            useDefaultCredentials:
              e.QUARRY_UPSTREAM_CREDENTIALS === undefined
                ? env['AWS_ACCESS_KEY_ID'] !== undefined || env['AWS_PROFILE'] !== undefined
                : e.QUARRY_UPSTREAM_CREDENTIALS === 'default',
          };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    upstream,
    database,
    adminKey: e.QUARRY_ADMIN_KEY,
    production: e.NODE_ENV === 'production',
    development: e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    limits: Object.freeze({
      depth: e.QUARRY_MAX_DEPTH,
      aliases: e.QUARRY_MAX_ALIASES,
      directives: e.QUARRY_MAX_DIRECTIVES,
      tokens: e.QUARRY_MAX_TOKENS,
      httpBodyBytes: e.QUARRY_MAX_BODY_BYTES,
      wsMessageBytes: e.QUARRY_MAX_WS_MESSAGE_BYTES,
      subscriptionsPerSocket: e.QUARRY_MAX_SUBSCRIPTIONS_PER_SOCKET,
      streams: e.QUARRY_MAX_STREAMS,
      embedTexts: e.QUARRY_MAX_EMBED_TEXTS,
      operationInvocations: e.QUARRY_MAX_OPERATION_INVOCATIONS,
      operationTexts: e.QUARRY_MAX_OPERATION_TEXTS,
      operationImages: e.QUARRY_MAX_OPERATION_IMAGES,
    }),
    modelCacheTtlMs: e.QUARRY_MODEL_CACHE_TTL_MS,
    streamIdleTimeoutMs: e.QUARRY_STREAM_IDLE_TIMEOUT_MS,
    shutdownGraceMs: e.QUARRY_SHUTDOWN_GRACE_MS,
    readyTimeoutMs: e.QUARRY_READY_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.QUARRY_REDIS_PREFIX,
    playground: (e.QUARRY_PLAYGROUND ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on',
    corsOrigins: e.QUARRY_CORS_ORIGINS,
    batch: Object.freeze({ s3Uri: e.QUARRY_BATCH_S3_URI, roleArn: e.QUARRY_BATCH_ROLE_ARN }),
    jobPolling: Object.freeze({
      minIntervalMs: e.QUARRY_JOB_POLL_MS,
      maxIntervalMs: Math.max(e.QUARRY_JOB_POLL_MS, e.QUARRY_JOB_POLL_MAX_MS),
    }),
    runtimePath: e.QUARRY_RUNTIME_PATH,
  });
}

/**
 * Only DATABASE_URL, for tools that open the store without running the gateway
 * (`pnpm audit:verify`), so an unrelated setting cannot stop them.
 */
export function loadDatabaseLocation(env: Readonly<Record<string, string | undefined>>): DatabaseLocation {
  const url = env['DATABASE_URL'];
  try {
    return parseDatabaseUrl(url === undefined || url === '' ? DEFAULT_DATABASE_URL : url);
  } catch (error) {
    throw new ConfigError(`Invalid environment:\n✖ ${(error as Error).message}`);
  }
}
