import { S3Error } from './object-store.js';

/**
 * Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` … `0\r\n`, then
 * trailing checksum headers): what the SDK sends for streamed uploads with flexible checksums.
 * Signatures and checksums are not verified, as nothing else is here.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) throw malformed();
    const sizeText = body.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '';
    const size = Number.parseInt(sizeText, 16);
    if (!/^[0-9a-fA-F]+$/.test(sizeText) || Number.isNaN(size)) throw malformed();
    offset = lineEnd + 2;
    if (size === 0) return Buffer.concat(chunks);
    if (offset + size > body.length) throw malformed();
    chunks.push(body.subarray(offset, offset + size));
    offset += size + 2; // the CRLF after the data
  }
}

function malformed(): S3Error {
  return new S3Error(
    400,
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  );
}
