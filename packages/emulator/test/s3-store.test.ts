import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { GetFoundationModelCommand } from '@aws-sdk/client-bedrock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startControlHarness, type ControlHarness } from './support-control/start-control-harness.js';

describe('S3-compatible object store', { timeout: 30_000 }, () => {
  let harness: ControlHarness;
  let s3: S3Client;
  beforeEach(async () => {
    harness = await startControlHarness();
    s3 = harness.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'docs' }));
  });
  afterEach(() => harness.close());

  it('stores, reads, heads and deletes objects with their metadata', async () => {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'docs',
        Key: 'notes/2024/a b+c.txt',
        Body: 'hello rivers',
        ContentType: 'text/plain',
        Metadata: { topic: 'rivers' },
      }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update('hello rivers').digest('hex')}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello rivers');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      ContentLength: 12,
      Metadata: { topic: 'rivers' },
      ETag: put.ETag,
    });
    expect(got.LastModified).toEqual(new Date(Math.floor(harness.clock.now() / 1000) * 1000));

    const head = await s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt' }));
    expect(head).toMatchObject({ ContentLength: 12, ETag: put.ETag });

    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt', Range: 'bytes=6-' }),
    );
    expect(await ranged.Body?.transformToString()).toBe('rivers');

    await s3.send(new DeleteObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt' }));
    await expect(
      s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt' })),
    ).rejects.toBeInstanceOf(NoSuchKey);
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: 'notes/2024/a b+c.txt' })),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('answers S3 errors for missing buckets and keeps keys with empty segments', async () => {
    await expect(
      s3.send(new PutObjectCommand({ Bucket: 'nowhere', Key: 'k', Body: 'x' })),
    ).rejects.toBeInstanceOf(NoSuchBucket);
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'nowhere' }))).rejects.toBeInstanceOf(NotFound);
    const duplicate = await s3
      .send(new CreateBucketCommand({ Bucket: 'docs' }))
      .catch((error: unknown) => error);
    expect((duplicate as S3ServiceException).name).toBe('BucketAlreadyOwnedByYou');

    await s3.send(new PutObjectCommand({ Bucket: 'docs', Key: 'folder/', Body: '' }));
    await s3.send(new PutObjectCommand({ Bucket: 'docs', Key: 'a//b', Body: 'double' }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'docs' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['a//b', 'folder/']);
    const buckets = await s3.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((bucket) => bucket.Name)).toEqual(['docs']);
  });

  it('lists by prefix and delimiter, page by page', async () => {
    for (const key of ['in/1.jsonl', 'in/2.jsonl', 'in/sub/3.jsonl', 'in/sub/4.jsonl', 'out/x', 'root.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: 'docs', Key: key, Body: key }));
    }
    const rolled = await s3.send(new ListObjectsV2Command({ Bucket: 'docs', Prefix: 'in/', Delimiter: '/' }));
    expect(rolled.Contents?.map((object) => object.Key)).toEqual(['in/1.jsonl', 'in/2.jsonl']);
    expect(rolled.CommonPrefixes).toEqual([{ Prefix: 'in/sub/' }]);
    expect(rolled.KeyCount).toBe(3);

    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 2 }, { Bucket: 'docs' })) {
      pages++;
      keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
    }
    expect(pages).toBe(3);
    expect(keys).toEqual([
      'in/1.jsonl',
      'in/2.jsonl',
      'in/sub/3.jsonl',
      'in/sub/4.jsonl',
      'out/x',
      'root.txt',
    ]);

    await s3.send(new CopyObjectCommand({ Bucket: 'docs', Key: 'copy.txt', CopySource: 'docs/root.txt' }));
    const copied = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'copy.txt' }));
    expect(await copied.Body?.transformToString()).toBe('root.txt');

    const deleted = await s3.send(
      new DeleteObjectsCommand({
        Bucket: 'docs',
        Delete: { Objects: [{ Key: 'out/x' }, { Key: 'root.txt' }] },
      }),
    );
    expect(deleted.Deleted?.map((entry) => entry.Key)).toEqual(['out/x', 'root.txt']);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'docs', Prefix: 'r' }));
    expect(after.Contents).toBeUndefined();
  });

  it('assembles multipart uploads and refuses undersized parts', async () => {
    const partSize = 5 * 1024 * 1024;
    const parts = [Buffer.alloc(partSize, 'a'), Buffer.alloc(partSize, 'b'), Buffer.from('tail')];
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'docs', Key: 'big.bin', ContentType: 'application/x-big' }),
    );
    const etags: { ETag: string; PartNumber: number }[] = [];
    for (const [index, body] of parts.entries()) {
      const uploaded = await s3.send(
        new UploadPartCommand({
          Bucket: 'docs',
          Key: 'big.bin',
          UploadId,
          PartNumber: index + 1,
          Body: body,
        }),
      );
      etags.push({ ETag: uploaded.ETag ?? '', PartNumber: index + 1 });
    }
    const completed = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'docs',
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: etags },
      }),
    );
    expect(completed.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: 'big.bin' }));
    expect(head).toMatchObject({ ContentLength: 2 * partSize + 4, ContentType: 'application/x-big' });
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'big.bin', Range: 'bytes=-6' }));
    expect(await tail.Body?.transformToString()).toBe('bbtail');

    const small = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'docs', Key: 'small.bin' }));
    const first = await s3.send(
      new UploadPartCommand({
        Bucket: 'docs',
        Key: 'small.bin',
        UploadId: small.UploadId,
        PartNumber: 1,
        Body: 'tiny',
      }),
    );
    const second = await s3.send(
      new UploadPartCommand({
        Bucket: 'docs',
        Key: 'small.bin',
        UploadId: small.UploadId,
        PartNumber: 2,
        Body: 'end',
      }),
    );
    const refused = await s3
      .send(
        new CompleteMultipartUploadCommand({
          Bucket: 'docs',
          Key: 'small.bin',
          UploadId: small.UploadId,
          MultipartUpload: {
            Parts: [
              { ETag: first.ETag ?? '', PartNumber: 1 },
              { ETag: second.ETag ?? '', PartNumber: 2 },
            ],
          },
        }),
      )
      .catch((error: unknown) => error);
    expect((refused as S3ServiceException).name).toBe('EntityTooSmall');
    await s3.send(
      new AbortMultipartUploadCommand({ Bucket: 'docs', Key: 'small.bin', UploadId: small.UploadId }),
    );
    const gone = await s3
      .send(
        new UploadPartCommand({
          Bucket: 'docs',
          Key: 'small.bin',
          UploadId: small.UploadId,
          PartNumber: 3,
          Body: 'x',
        }),
      )
      .catch((error: unknown) => error);
    expect((gone as S3ServiceException).name).toBe('NoSuchUpload');
  });

  it('decodes streamed (aws-chunked) uploads', async () => {
    const text = 'line one\nline two\n'.repeat(1000);
    await s3.send(
      new PutObjectCommand({
        Bucket: 'docs',
        Key: 'streamed.txt',
        Body: Readable.from([Buffer.from(text.slice(0, 7000)), Buffer.from(text.slice(7000))]),
        ContentLength: Buffer.byteLength(text),
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'docs', Key: 'streamed.txt' }));
    expect(await got.Body?.transformToString()).toBe(text);
  });

  it('routes by signing service, so a bucket named like a Bedrock path stays S3', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'model' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'model', Key: 'anthropic.claude-v2/invoke', Body: 'not a model call' }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'model', Key: 'anthropic.claude-v2/invoke' }));
    expect(await got.Body?.transformToString()).toBe('not a model call');
    await s3.send(new CreateBucketCommand({ Bucket: 'foundation-models' }));
    const model = await harness
      .bedrock()
      .send(new GetFoundationModelCommand({ modelIdentifier: 'anthropic.claude-v2' }));
    expect(model.modelDetails?.modelId).toBe('anthropic.claude-v2');
  });
});
