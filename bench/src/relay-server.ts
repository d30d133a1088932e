// Baseline for the gateway overhead suite: the thinnest possible service between an app and
// Bedrock — plain node:http, one Quarry client call, JSON out — run exactly like the gateway
// (own process, same CPU). The gateway's cost over this relay is what GraphQL/Apollo adds.
import { connectQuarryClient } from '@quarry/core';
import { createServer } from 'node:http';

const upstream = process.argv[2] ?? '';
const client = connectQuarryClient({
  region: 'us-east-1',
  endpoint: upstream,
  credentials: { accessKeyId: 'relay', secretAccessKey: 'relay' },
});

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { modelId, prompt, maxTokens } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      modelId: string;
      prompt: string;
      maxTokens: number;
    };
    client
      .invoke(modelId, { messages: [{ role: 'user', content: prompt }], maxTokens })
      .then((result) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            text: result.text,
            stopReason: result.stopReason,
            usage: result.usage,
            latencyMs: result.latencyMs,
          }),
        );
      })
      .catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address !== null)
    console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => {
  client.close();
  server.close();
  server.closeAllConnections();
});
