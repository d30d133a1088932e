/** `s3://bucket/key` split into its parts; the key is '' for a bare bucket. */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** Undefined when `uri` is not an `s3://` URI with a bucket. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (match?.[1] === undefined) return undefined;
  return { bucket: match[1], key: match[2] ?? '' };
}
