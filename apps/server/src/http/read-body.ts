import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(
      `The request body exceeds ${limit} bytes. Send smaller requests (e.g. fewer texts per embed call).`,
    );
  }
}

/**
 * Reads the whole body, refusing early (without buffering the rest) once it passes `limit`.
 * Listens for 'data' and 'end' instead of `for await`: a stream's async iterator costs more to
 * set up (and tear down) than reading a one-chunk body takes, on every request.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        done();
        // What is left of the body is never read: the request (and its connection) ends here.
        request.destroy();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      done();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    // A request whose connection closes before its body ended (aborted upload) rejects, as the
    // iterator did ("premature close").
    const onClose = (): void => {
      done();
      reject(new Error('The request was aborted before its body was read.'));
    };
    const done = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
