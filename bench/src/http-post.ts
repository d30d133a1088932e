import { request, type Agent } from 'node:http';

/**
 * A reusable POST of a fixed JSON body over a keep-alive agent; resolves once a 200 answer was
 * read in full (and, with `noGraphQLErrors`, carries no `"errors"`), so a failing target can
 * never look fast.
 */
export function jsonPoster(
  url: string,
  body: string,
  options: { agent: Agent; headers?: Record<string, string>; noGraphQLErrors?: boolean },
): () => Promise<void> {
  const target = new URL(url);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...options.headers,
  };
  return () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request(target, { method: 'POST', agent: options.agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (options.noGraphQLErrors === true) text += chunk;
        });
        response.on('end', () => {
          if (response.statusCode === 200 && !text.includes('"errors"')) resolve();
          else reject(new Error(`${url} answered ${String(response.statusCode)}: ${text.slice(0, 200)}`));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}
