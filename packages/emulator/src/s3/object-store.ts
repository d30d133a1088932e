import { createHash, randomUUID } from 'node:crypto';

/** One stored object. `etag` is quoted, as S3 sends it. */
export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly lastModified: number;
  /** `x-amz-meta-*` headers, names lower-cased without the prefix. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  readonly contentType?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

export interface ListResult {
  readonly objects: readonly StoredObject[];
  readonly commonPrefixes: readonly string[];
  /** Set when more keys follow: the last key or prefix returned, to continue after. */
  readonly nextAfter: string | undefined;
}

/** Thrown for S3's modeled errors; `code` is S3's error code (`NoSuchKey`, `NoSuchBucket`, …). */
export class S3Error extends Error {
  override name = 'S3Error';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements of the XML error body (`Key`, `BucketName`, …). */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** S3's smallest part, except for an upload's last one. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

interface Bucket {
  readonly name: string;
  readonly createdAt: number;
  readonly objects: Map<string, StoredObject>;
}

interface MultipartUpload {
  readonly bucket: string;
  readonly key: string;
  readonly options: PutOptions;
  readonly parts: Map<number, { readonly body: Buffer; readonly etag: string }>;
}

/**
 * An in-memory S3: buckets of objects plus multipart uploads in progress. Buckets are global to
 * the store (as S3 bucket names are global), whatever region a request was signed for.
 */
export interface ObjectStore {
  createBucket(name: string): void;
  hasBucket(name: string): boolean;
  deleteBucket(name: string): void;
  listBuckets(): readonly { readonly name: string; readonly createdAt: number }[];
  put(bucket: string, key: string, body: Buffer, options?: PutOptions): StoredObject;
  /** Throws S3Error NoSuchBucket / NoSuchKey. */
  get(bucket: string, key: string): StoredObject;
  /** Undefined instead of NoSuchKey (NoSuchBucket still throws). */
  find(bucket: string, key: string): StoredObject | undefined;
  delete(bucket: string, key: string): void;
  /** Keys in UTF-8 binary order, as S3 lists them; `delimiter` rolls keys up into common prefixes. */
  list(
    bucket: string,
    options: { prefix: string; delimiter?: string | undefined; after?: string | undefined; maxKeys: number },
  ): ListResult;
  startUpload(bucket: string, key: string, options: PutOptions): string;
  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: Buffer): string;
  /** Joins the named parts in order; every part but the last must be at least 5 MiB. */
  completeUpload(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly { readonly partNumber: number; readonly etag: string }[],
  ): StoredObject;
  abortUpload(bucket: string, key: string, uploadId: string): void;
  clear(): void;
}

export function createObjectStore(now: () => number): ObjectStore {
  const buckets = new Map<string, Bucket>();
  const uploads = new Map<string, MultipartUpload>();

  const bucketOf = (name: string): Bucket => {
    const bucket = buckets.get(name);
    if (bucket === undefined) {
      throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name });
    }
    return bucket;
  };

  const uploadOf = (bucket: string, key: string, uploadId: string): MultipartUpload => {
    const upload = uploads.get(uploadId);
    if (upload === undefined || upload.bucket !== bucket || upload.key !== key) {
      throw new S3Error(
        404,
        'NoSuchUpload',
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    }
    return upload;
  };

  const store = (
    bucket: string,
    key: string,
    body: Buffer,
    etag: string,
    options: PutOptions,
  ): StoredObject => {
    const object: StoredObject = {
      key,
      body,
      etag,
      contentType: options.contentType ?? 'application/octet-stream',
      lastModified: now(),
      metadata: options.metadata ?? {},
    };
    bucketOf(bucket).objects.set(key, object);
    return object;
  };

  return {
    createBucket(name) {
      if (buckets.has(name)) {
        throw new S3Error(
          409,
          'BucketAlreadyOwnedByYou',
          'Your previous request to create the named bucket succeeded and you already own it.',
          { BucketName: name },
        );
      }
      buckets.set(name, { name, createdAt: now(), objects: new Map() });
    },
    hasBucket: (name) => buckets.has(name),
    deleteBucket(name) {
      if (bucketOf(name).objects.size > 0) {
        throw new S3Error(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty', {
          BucketName: name,
        });
      }
      buckets.delete(name);
    },
    listBuckets: () =>
      [...buckets.values()]
        .map(({ name, createdAt }) => ({ name, createdAt }))
        .sort((a, b) => compareKeys(a.name, b.name)),
    put: (bucket, key, body, options = {}) => store(bucket, key, body, quotedMd5(body), options),
    get(bucket, key) {
      const object = bucketOf(bucket).objects.get(key);
      if (object === undefined) {
        throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
      }
      return object;
    },
    find: (bucket, key) => bucketOf(bucket).objects.get(key),
    delete(bucket, key) {
      bucketOf(bucket).objects.delete(key);
    },
    list(bucket, { prefix, delimiter, after, maxKeys }) {
      const keys = [...bucketOf(bucket).objects.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort(compareKeys);
      const objects: StoredObject[] = [];
      const commonPrefixes: string[] = [];
      let last: string | undefined;
      for (const key of keys) {
        if (after !== undefined && compareKeys(key, after) <= 0) continue;
        const cut = delimiter === undefined || delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
        if (cut !== -1) {
          const rolled = key.slice(0, cut + (delimiter ?? '').length);
          if (rolled === last) continue;
          // A rolled-up prefix already passed in an earlier page stays passed.
          if (after !== undefined && compareKeys(rolled, after) <= 0) continue;
          if (objects.length + commonPrefixes.length >= maxKeys)
            return { objects, commonPrefixes, nextAfter: last };
          commonPrefixes.push(rolled);
          last = rolled;
          continue;
        }
        if (objects.length + commonPrefixes.length >= maxKeys)
          return { objects, commonPrefixes, nextAfter: last };
        const object = bucketOf(bucket).objects.get(key);
        if (object !== undefined) objects.push(object);
        last = key;
      }
      return { objects, commonPrefixes, nextAfter: undefined };
    },
    startUpload(bucket, key, options) {
      bucketOf(bucket);
      const uploadId = randomUUID().replaceAll('-', '');
      uploads.set(uploadId, { bucket, key, options, parts: new Map() });
      return uploadId;
    },
    uploadPart(bucket, key, uploadId, partNumber, body) {
      if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
        throw new S3Error(
          400,
          'InvalidArgument',
          `Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`,
        );
      }
      const etag = quotedMd5(body);
      uploadOf(bucket, key, uploadId).parts.set(partNumber, { body, etag });
      return etag;
    },
    completeUpload(bucket, key, uploadId, parts) {
      const upload = uploadOf(bucket, key, uploadId);
      if (parts.length === 0) {
        throw new S3Error(
          400,
          'MalformedXML',
          'The XML you provided was not well-formed or did not validate against our published schema',
        );
      }
      const chosen = parts.map(({ partNumber, etag }, index) => {
        const part = upload.parts.get(partNumber);
        if (part === undefined || unquote(part.etag) !== unquote(etag)) {
          throw new S3Error(
            400,
            'InvalidPart',
            "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
          );
        }
        const previous = parts[index - 1];
        if (previous !== undefined && previous.partNumber >= partNumber) {
          throw new S3Error(
            400,
            'InvalidPartOrder',
            'The list of parts was not in ascending order. Parts must be ordered by part number.',
          );
        }
        if (index < parts.length - 1 && part.body.length < MIN_PART_BYTES) {
          throw new S3Error(
            400,
            'EntityTooSmall',
            'Your proposed upload is smaller than the minimum allowed object size.',
          );
        }
        return part;
      });
      // S3's multipart ETag: the MD5 of the parts' binary MD5s, then `-<part count>`.
      const digest = createHash('md5');
      for (const part of chosen) digest.update(Buffer.from(unquote(part.etag), 'hex'));
      uploads.delete(uploadId);
      return store(
        bucket,
        key,
        Buffer.concat(chosen.map((part) => part.body)),
        `"${digest.digest('hex')}-${chosen.length}"`,
        upload.options,
      );
    },
    abortUpload(bucket, key, uploadId) {
      uploadOf(bucket, key, uploadId);
      uploads.delete(uploadId);
    },
    clear() {
      buckets.clear();
      uploads.clear();
    },
  };
}

function quotedMd5(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

function unquote(etag: string): string {
  return etag.replaceAll('"', '');
}

/** S3 orders keys by their UTF-8 bytes, which differs from UTF-16 order for astral characters. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
