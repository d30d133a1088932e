/**
 * One request/response pair, with HTTP/1.1 and HTTP/2 differences hidden behind it so the rest of
 * the emulator serves both transports with one code path.
 */
export interface Exchange {
  readonly method: string;
  /** Path and query exactly as sent, still percent-encoded. */
  readonly rawTarget: string;
  /** Lower-cased names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Aborted when the client resets the stream or closes the connection before the response ends. */
  readonly signal: AbortSignal;
  /** Same as `signal.aborted`, without creating the signal. */
  readonly aborted: boolean;
  /**
   * The whole request body. Past `maxBytes` the rest is read and discarded (so a keep-alive
   * connection stays usable) and the promise resolves to `undefined`.
   */
  readBody(maxBytes: number): Promise<Buffer | undefined>;
  readonly sink: ResponseSink;
}

/** Where a response goes; hop-by-hop headers are the HTTP/1.1 server's business, never the caller's. */
export interface ResponseSink {
  readonly headersSent: boolean;
  /** False once the client is gone: writes after that are dropped. */
  readonly writable: boolean;
  start(status: number, headers: Readonly<Record<string, string>>): void;
  /**
   * Hands the chunk to the transport. Returns undefined when its buffer took it at once, else a
   * promise that resolves once the buffer drains (or the client is gone). No promise in the common
   * case: a stream writes one chunk per frame, and an await per frame adds up over many streams.
   */
  write(chunk: Uint8Array): Promise<void> | undefined;
  end(chunk?: Uint8Array): void;
  /**
   * Tears the TCP connection down without a proper end (the dropped-connection fault), after the
   * bytes already written have left, so the client sees them and then the cut.
   */
  destroyConnection(): void;
}

/**
 * An abort flag whose AbortSignal is only built when someone asks for it: most zero-latency calls
 * never do, and an AbortController per request is a measurable share of a 10k req/s budget.
 */
export interface LazyAbort {
  readonly signal: AbortSignal;
  readonly aborted: boolean;
  abort(): void;
}

export function createLazyAbort(): LazyAbort {
  let controller: AbortController | undefined;
  let aborted = false;
  return {
    get signal() {
      controller ??= new AbortController();
      if (aborted && !controller.signal.aborted) controller.abort();
      return controller.signal;
    },
    get aborted() {
      return aborted;
    },
    abort() {
      aborted = true;
      controller?.abort();
    },
  };
}

/**
 * Counts writes whose callback has not fired yet, so a drop can wait for them to leave. `track()`
 * hands out the same callback every time: a stream writes one per frame, and a fresh closure each
 * time was garbage for nothing.
 */
export function createWriteTracker(): {
  readonly track: () => () => void;
  readonly idle: () => Promise<void>;
} {
  let pending = 0;
  let waiters: (() => void)[] = [];
  const written = (): void => {
    pending--;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };
  return {
    track() {
      pending++;
      return written;
    },
    idle: () =>
      pending === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiters.push(resolve);
          }),
  };
}

/**
 * Node already joins repeated request headers with `, ` except `set-cookie` (an array), which no
 * Bedrock client sends; only that rare case is copied, so the hot path allocates nothing.
 */
export function flattenHeaders(
  headers: Readonly<Record<string, string | string[] | number | undefined>>,
): Readonly<Record<string, string | undefined>> {
  for (const value of Object.values(headers)) {
    if (typeof value !== 'string' && value !== undefined) return copyFlat(headers);
  }
  return headers as Readonly<Record<string, string | undefined>>;
}

function copyFlat(
  headers: Readonly<Record<string, string | string[] | number | undefined>>,
): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name] = Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
  }
  return flat;
}

/** Collects a readable body, discarding everything past `maxBytes`. */
export function collectBody(readable: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    readable.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    readable.once('end', () => {
      ended = true;
      resolve(size > maxBytes ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    readable.once('error', reject);
    // A reset stream never ends; fail so the handler does not wait forever. (`close` also follows
    // every normal `end`, so the error is only built when it is needed.)
    readable.once('close', () => {
      if (!ended) reject(new Error('request closed before its body was complete'));
    });
  });
}
