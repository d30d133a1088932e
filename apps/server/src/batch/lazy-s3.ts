import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';

type S3Sdk = typeof import('@aws-sdk/client-s3');

/**
 * An S3 client created on first use. The S3 SDK module costs about a quarter of a second of
 * startup, and only batch jobs (inline records, results) use it, so a gateway that never runs
 * one never loads it.
 */
export interface LazyS3 {
  /** The client, and the SDK module for its command classes; loaded once. */
  load(): Promise<{ readonly s3: S3Client; readonly sdk: S3Sdk }>;
  /** Closes the client's sockets if it was ever created. */
  destroy(): void;
}

export function lazyS3(config: S3ClientConfig): LazyS3 {
  let loading: Promise<{ readonly s3: S3Client; readonly sdk: S3Sdk }> | undefined;
  let created: S3Client | undefined;
  return {
    load() {
      loading ??= import('@aws-sdk/client-s3').then((sdk) => {
        created = new sdk.S3Client(config);
        return { s3: created, sdk };
      });
      return loading;
    },
    destroy() {
      created?.destroy();
    },
  };
}
