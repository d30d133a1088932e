// Baseline for the emulator throughput suite: the least a Node HTTP server can do per request
// (read the body, answer a fixed JSON), run exactly like the emulator (own process, keep-alive).
import { createServer } from 'node:http';

const answer = JSON.stringify({
  id: 'msg_baseline',
  type: 'message',
  content: [{ type: 'text', text: 'ok' }],
});
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(answer),
    });
    response.end(answer);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address !== null)
    console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
