import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { batchWrites } from './batched-writes.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const closable of opened.splice(0)) closable.close();
});

/** A connected ws pair on loopback: the server's socket (batched) and the client reading it. */
async function connectedPair(): Promise<{ server: WebSocket; client: WebSocket; received: string[] }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  opened.push(wss);
  await once(wss, 'listening');
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  opened.push(client);
  const received: string[] = [];
  client.on('message', (data: Buffer) => {
    received.push(data.toString('utf8'));
  });
  const [server] = (await once(wss, 'connection')) as [WebSocket];
  await once(client, 'open');
  batchWrites(server);
  return { server, client, received };
}

const tcpOf = (socket: WebSocket): Socket => (socket as unknown as { _socket: Socket })._socket;

describe('batchWrites', () => {
  it('holds the frames of one event-loop turn and writes them together, in order', async () => {
    const { server, received } = await connectedPair();
    const written: string[] = [];
    server.send('one', () => written.push('one'));
    server.send('two', () => written.push('two'));
    server.send('three', () => written.push('three'));
    // Queued behind one cork: nothing is written, and no callback has run, within the turn.
    expect(tcpOf(server).writableCorked).toBe(1);
    expect(written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tcpOf(server).writableCorked).toBe(0);
    while (received.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(received).toEqual(['one', 'two', 'three']);
    expect(written).toEqual(['one', 'two', 'three']);
  });

  it('corks again for the next turn', async () => {
    const { server, received } = await connectedPair();
    server.send('first');
    await new Promise((resolve) => setImmediate(resolve));
    server.send('second');
    expect(tcpOf(server).writableCorked).toBe(1);
    while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(received).toEqual(['first', 'second']);
  });

  it('still delivers a close sent in the same turn as the last frames', async () => {
    const { server, client, received } = await connectedPair();
    const closed = once(client, 'close');
    server.send('last');
    server.close(1000, 'done');
    const [code] = (await closed) as [number];
    expect(code).toBe(1000);
    expect(received).toEqual(['last']);
  });
});
