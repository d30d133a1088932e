import type { EmulatorRequest, EmulatorResponse } from '../http/emulator-request.js';
import { decodeAwsChunked } from './aws-chunked.js';
import { S3Error, type ObjectStore, type PutOptions, type StoredObject } from './object-store.js';
import { readCompletedParts, xmlDocument, type XmlNode } from './s3-xml.js';

// `Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request`, in the header or a presigned query.
const SIGNING_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/;

/**
 * Whether a request is meant for S3: the SigV4 scope names the service it was signed for, so S3
 * calls cannot be confused with Bedrock's however their paths look (a bucket named `model` included).
 */
export function isS3Request(request: EmulatorRequest): boolean {
  const credential =
    request.headers['authorization'] ?? `Credential=${request.query.get('X-Amz-Credential') ?? ''}`;
  return SIGNING_SERVICE.exec(credential)?.[1] === 's3';
}

/** A matched S3 operation, named for stats. */
export interface S3Operation {
  readonly operation: string;
  run(): EmulatorResponse;
}

const DEFAULT_MAX_KEYS = 1000;

/**
 * S3's REST API, path-style (`/{bucket}/{key}`), over the in-memory store: buckets, Put/Get/Head/
 * Delete/CopyObject, ListObjects(V2), DeleteObjects and multipart uploads. Errors are S3's XML
 * errors, never Bedrock's JSON ones.
 */
export function matchS3(store: ObjectStore, request: EmulatorRequest): S3Operation {
  const { method, query } = request;
  const path = (request.rawPath ?? `/${request.segments.join('/')}`).slice(1);
  const slash = path.indexOf('/');
  let bucket: string;
  let key: string;
  try {
    bucket = decode(slash === -1 ? path : path.slice(0, slash));
    key = slash === -1 ? '' : decode(path.slice(slash + 1));
  } catch (error) {
    if (!(error instanceof S3Error)) throw error;
    return { operation: 's3:Unknown', run: () => errorResponse(error, method, '', '') };
  }
  const named = (operation: string, run: () => EmulatorResponse): S3Operation => ({
    operation: `s3:${operation}`,
    run: () => {
      try {
        return run();
      } catch (error) {
        if (error instanceof S3Error) return errorResponse(error, method, bucket, key);
        throw error;
      }
    },
  });

  if (bucket === '') {
    if (method === 'GET') return named('ListBuckets', () => listBuckets(store));
    return named('Unknown', () => notImplemented());
  }
  if (key === '') {
    switch (method) {
      case 'PUT':
        return named('CreateBucket', () => {
          checkBucketName(bucket);
          store.createBucket(bucket);
          return empty(200, { location: `/${bucket}` });
        });
      case 'HEAD':
        return named('HeadBucket', () => {
          if (!store.hasBucket(bucket)) throw new S3Error(404, 'NotFound', 'Not Found');
          return empty(200, { 'x-amz-bucket-region': request.region });
        });
      case 'DELETE':
        return named('DeleteBucket', () => {
          store.deleteBucket(bucket);
          return empty(204);
        });
      case 'GET':
        if (query.has('location')) {
          return named('GetBucketLocation', () => {
            if (!store.hasBucket(bucket)) {
              throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {
                BucketName: bucket,
              });
            }
            return xml(200, 'LocationConstraint', [], false);
          });
        }
        return query.get('list-type') === '2'
          ? named('ListObjectsV2', () => listObjects(store, bucket, query, 2))
          : named('ListObjects', () => listObjects(store, bucket, query, 1));
      case 'POST':
        if (query.has('delete')) return named('DeleteObjects', () => deleteObjects(store, bucket, request));
        return named('Unknown', () => notImplemented());
      default:
        return named('Unknown', () => notImplemented());
    }
  }
  switch (method) {
    case 'PUT': {
      const uploadId = query.get('uploadId');
      if (uploadId !== null) {
        return named('UploadPart', () => {
          const etag = store.uploadPart(
            bucket,
            key,
            uploadId,
            Number(query.get('partNumber')),
            payload(request),
          );
          return empty(200, { etag });
        });
      }
      const source = request.headers['x-amz-copy-source'];
      if (source !== undefined)
        return named('CopyObject', () => copyObject(store, bucket, key, source, request));
      return named('PutObject', () => {
        const object = store.put(bucket, key, payload(request), putOptions(request));
        return empty(200, { etag: object.etag });
      });
    }
    case 'GET':
      return named('GetObject', () => getObject(store.get(bucket, key), request));
    case 'HEAD':
      return named('HeadObject', () => {
        const object = store.get(bucket, key);
        // HTTP drops a HEAD response's body but keeps its Content-Length: the object's size.
        return { kind: 'bytes', status: 200, headers: objectHeaders(object), body: object.body };
      });
    case 'DELETE': {
      const uploadId = query.get('uploadId');
      if (uploadId !== null) {
        return named('AbortMultipartUpload', () => {
          store.abortUpload(bucket, key, uploadId);
          return empty(204);
        });
      }
      return named('DeleteObject', () => {
        store.delete(bucket, key);
        return empty(204);
      });
    }
    case 'POST': {
      if (query.has('uploads')) {
        return named('CreateMultipartUpload', () => {
          const uploadId = store.startUpload(bucket, key, putOptions(request));
          return xml(200, 'InitiateMultipartUploadResult', [
            ['Bucket', bucket],
            ['Key', key],
            ['UploadId', uploadId],
          ]);
        });
      }
      const uploadId = query.get('uploadId');
      if (uploadId !== null) {
        return named('CompleteMultipartUpload', () => {
          const parts = readCompletedParts(request.body.toString('utf8'));
          if (parts === undefined) {
            throw new S3Error(
              400,
              'MalformedXML',
              'The XML you provided was not well-formed or did not validate against our published schema',
            );
          }
          const object = store.completeUpload(bucket, key, uploadId, parts);
          return xml(200, 'CompleteMultipartUploadResult', [
            ['Location', `/${bucket}/${key}`],
            ['Bucket', bucket],
            ['Key', key],
            ['ETag', object.etag],
          ]);
        });
      }
      return named('Unknown', () => notImplemented());
    }
    default:
      return named('Unknown', () => notImplemented());
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

function checkBucketName(name: string): void {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: name });
  }
}

/** The object bytes, with `aws-chunked` framing (streamed uploads with trailing checksums) removed. */
function payload(request: EmulatorRequest): Buffer {
  const encoding = request.headers['content-encoding'] ?? '';
  return encoding.split(',').some((part) => part.trim() === 'aws-chunked')
    ? decodeAwsChunked(request.body)
    : request.body;
}

function putOptions(request: EmulatorRequest): PutOptions {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined)
      metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  return { contentType: request.headers['content-type'], metadata };
}

function objectHeaders(object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': object.contentType,
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

function getObject(object: StoredObject, request: EmulatorRequest): EmulatorResponse {
  const range = request.headers['range'];
  const match = range === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(range);
  if (match === null)
    return { kind: 'bytes', status: 200, headers: objectHeaders(object), body: object.body };
  const size = object.body.length;
  const [, first = '', last = ''] = match;
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || start > end) {
    throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', {
      RangeRequested: range ?? '',
    });
  }
  return {
    kind: 'bytes',
    status: 206,
    headers: { ...objectHeaders(object), 'content-range': `bytes ${start}-${end}/${size}` },
    body: object.body.subarray(start, end + 1),
  };
}

function copyObject(
  store: ObjectStore,
  bucket: string,
  key: string,
  source: string,
  request: EmulatorRequest,
): EmulatorResponse {
  const decoded = decode(source.split('?')[0] ?? '').replace(/^\//, '');
  const slash = decoded.indexOf('/');
  const original = store.get(decoded.slice(0, slash), decoded.slice(slash + 1));
  const replace = request.headers['x-amz-metadata-directive'] === 'REPLACE';
  const object = store.put(
    bucket,
    key,
    original.body,
    replace ? putOptions(request) : { contentType: original.contentType, metadata: original.metadata },
  );
  return xml(200, 'CopyObjectResult', [
    ['LastModified', new Date(object.lastModified).toISOString()],
    ['ETag', object.etag],
  ]);
}

function listBuckets(store: ObjectStore): EmulatorResponse {
  return xml(200, 'ListAllMyBucketsResult', [
    ['Owner', [['ID', 'quarry-emulator']]],
    [
      'Buckets',
      store.listBuckets().map(({ name, createdAt }): XmlNode => [
        'Bucket',
        [
          ['Name', name],
          ['CreationDate', new Date(createdAt).toISOString()],
        ],
      ]),
    ],
  ]);
}

function listObjects(
  store: ObjectStore,
  bucket: string,
  query: URLSearchParams,
  version: 1 | 2,
): EmulatorResponse {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? undefined;
  const maxKeysText = query.get('max-keys');
  const maxKeys = maxKeysText === null ? DEFAULT_MAX_KEYS : Math.min(DEFAULT_MAX_KEYS, Number(maxKeysText));
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw new S3Error(400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range');
  }
  const token = query.get('continuation-token');
  const after =
    version === 2
      ? token === null
        ? (query.get('start-after') ?? undefined)
        : Buffer.from(token, 'base64url').toString('utf8')
      : (query.get('marker') ?? undefined);
  const urlEncoded = query.get('encoding-type') === 'url';
  const encode = (text: string): string =>
    urlEncoded ? encodeURIComponent(text).replaceAll('%2F', '/') : text;
  const result = store.list(bucket, { prefix, delimiter, after, maxKeys });
  const truncated = result.nextAfter !== undefined;
  const nodes: XmlNode[] = [
    ['Name', bucket],
    ['Prefix', encode(prefix)],
    ...(delimiter === undefined ? [] : ([['Delimiter', encode(delimiter)]] as XmlNode[])),
    ['MaxKeys', maxKeys],
    ...(urlEncoded ? ([['EncodingType', 'url']] as XmlNode[]) : []),
    ['IsTruncated', truncated],
  ];
  if (version === 2) {
    nodes.push(['KeyCount', result.objects.length + result.commonPrefixes.length]);
    if (token !== null) nodes.push(['ContinuationToken', token]);
    if (result.nextAfter !== undefined) {
      nodes.push(['NextContinuationToken', Buffer.from(result.nextAfter).toString('base64url')]);
    }
    const startAfter = query.get('start-after');
    if (startAfter !== null) nodes.push(['StartAfter', encode(startAfter)]);
  } else {
    nodes.push(['Marker', encode(query.get('marker') ?? '')]);
    if (result.nextAfter !== undefined && delimiter !== undefined)
      nodes.push(['NextMarker', encode(result.nextAfter)]);
  }
  for (const object of result.objects) {
    nodes.push([
      'Contents',
      [
        ['Key', encode(object.key)],
        ['LastModified', new Date(object.lastModified).toISOString()],
        ['ETag', object.etag],
        ['Size', object.body.length],
        ['StorageClass', 'STANDARD'],
      ],
    ]);
  }
  for (const common of result.commonPrefixes) nodes.push(['CommonPrefixes', [['Prefix', encode(common)]]]);
  return xml(200, 'ListBucketResult', nodes);
}

function deleteObjects(store: ObjectStore, bucket: string, request: EmulatorRequest): EmulatorResponse {
  const body = request.body.toString('utf8');
  const quiet = /<Quiet>\s*true\s*<\/Quiet>/.test(body);
  const keys = [...body.matchAll(/<Object>[\s\S]*?<Key>([\s\S]*?)<\/Key>[\s\S]*?<\/Object>/g)].map((match) =>
    (match[1] ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
  if (keys.length === 0 || keys.length > 1000) {
    throw new S3Error(
      400,
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
    );
  }
  for (const key of keys) store.delete(bucket, key);
  return xml(200, 'DeleteResult', quiet ? [] : keys.map((key): XmlNode => ['Deleted', [['Key', key]]]));
}

function notImplemented(): never {
  throw new S3Error(
    501,
    'NotImplemented',
    'A header or query you provided implies functionality that is not implemented.',
  );
}

function empty(status: number, headers: Record<string, string> = {}): EmulatorResponse {
  return { kind: 'bytes', status, headers, body: new Uint8Array() };
}

function xml(
  status: number,
  root: string,
  children: readonly XmlNode[],
  namespaced = true,
): EmulatorResponse {
  return {
    kind: 'bytes',
    status,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument(root, children, namespaced),
  };
}

/** S3's XML error; HEAD answers carry no body, so the SDK names the error from the status alone. */
function errorResponse(error: S3Error, method: string, bucket: string, key: string): EmulatorResponse {
  if (method === 'HEAD') return empty(error.status);
  const resource = key === '' ? `/${bucket}` : `/${bucket}/${key}`;
  return xml(
    error.status,
    'Error',
    [
      ['Code', error.code],
      ['Message', error.message],
      ...Object.entries(error.details),
      ['Resource', resource],
    ],
    false,
  );
}
