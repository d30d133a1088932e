import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * Makes the frames a socket sends during one turn of the event loop leave in one write.
 *
 * `ws` writes every message with its own `writev` system call. Streams are bursty: one poll of
 * the event loop reads chunks of many upstream streams, and the subscriptions on one socket each
 * send an event for them. Under 300 streams those per-message writes were the gateway's largest
 * single cost (≈13% of its CPU). The first send of a turn corks the TCP socket under `ws`; a
 * `setImmediate` — after the poll phase that produced the burst — uncorks it, which writes every
 * frame queued meanwhile at once. Frames, their order and `send`'s callbacks stay as they were;
 * a callback only fires once its frame is written. A socket `ws` closes meanwhile is flushed by
 * Node itself (`end()` uncorks).
 */
export function batchWrites(socket: WebSocket): void {
  // `ws` keeps the TCP socket in `_socket` and exposes no cork of its own.
  const raw = (socket as unknown as { readonly _socket?: Socket })._socket;
  if (raw === undefined) return;
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  let corked = false;
  const flush = (): void => {
    corked = false;
    raw.uncork();
  };
  socket.send = ((...args: unknown[]) => {
    if (!corked && raw.writable) {
      corked = true;
      raw.cork();
      setImmediate(flush);
    }
    send(...args);
  }) as WebSocket['send'];
}
