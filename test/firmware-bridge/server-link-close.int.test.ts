/**
 * A bridge stopped while its hello is unanswered (the server shutting down with `npm start`'s demo
 * bridge inside it, issue 10) stops quietly: socket.io fails the pending ack with "socket has been
 * disconnected", which is the stop itself, not the server refusing the hello.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, expect, it } from 'vitest';
import { connectToServer } from '../../firmware-bridge/server-link.ts';
import { BRIDGE_NAMESPACE, BridgeEvents } from '../../protocol/events.ts';

let io: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => {
    if (io) void io.close(() => resolve());
    else resolve();
  });
  io = null;
});

it('logs no error when closed with its hello in flight', async () => {
  const http = createServer();
  io = new Server(http);
  let helloArrived!: () => void;
  const hello = new Promise<void>((resolve) => (helloArrived = resolve));
  // A server that takes the hello and never answers it (yet).
  io.of(BRIDGE_NAMESPACE).on('connection', (socket) => socket.on(BridgeEvents.hello, () => helloArrived()));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const logged: string[] = [];
  const log = { debug: () => {}, info: () => {}, warn: (m: string) => logged.push(`WARN ${m}`), error: (m: string) => logged.push(`ERROR ${m}`) };
  const link = connectToServer({
    serverUrl: url,
    token: 'test-token',
    version: 'test',
    service: { devices: () => [], reports: () => [], handle: async () => ({ ok: true }) as never, cancel: () => {} },
    log,
  });
  await hello;
  link.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(logged).toEqual([]);
});
