import { io, type Socket } from 'socket.io-client';
import { BRIDGE_NAMESPACE, BridgeEvents, type BridgeClientToServer, type BridgeServerToClient } from '../protocol/events.ts';
import { BridgeWelcomeSchema, type DeviceStatusReport } from '../protocol/bridge.schemas.ts';
import type { BridgeLogger } from './log.ts';
import type { PrintService } from './print-service.ts';

export type BridgeSocket = Socket<BridgeServerToClient, BridgeClientToServer>;

const HELLO_TIMEOUT_MS = 10_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface ServerLink {
  readonly socket: BridgeSocket;
  /** Resolves once the server has answered the hello of the current connection (now, if it has). */
  welcomed(): Promise<void>;
  /** Sends a device's new status now (if connected; the next hello carries it otherwise). */
  report(report: DeviceStatusReport): void;
  close(): void;
}

/**
 * The typed socket.io link to the server's `/bridge` namespace: token in the handshake, hello
 * with the devices on every (re)connection, a heartbeat, print jobs answered through the print
 * service. socket.io retries a lost transport itself (with backoff); a refused handshake or a
 * server-side disconnect it does not, so those are retried here, 1 s doubling to 30 s — a bridge
 * beside a kiosk has nobody to restart it.
 */
export function connectToServer(options: {
  serverUrl: string;
  token: string;
  version: string;
  /** What the hello and heartbeats announce and who prints (the print service, with the keypads' devices added). */
  service: Pick<PrintService, 'devices' | 'reports' | 'handle'>;
  log: BridgeLogger;
}): ServerLink {
  const { service, log } = options;
  const socket: BridgeSocket = io(`${options.serverUrl.replace(/\/+$/, '')}${BRIDGE_NAMESPACE}`, {
    auth: { token: options.token },
    reconnection: true,
    reconnectionDelay: RETRY_MIN_MS,
    reconnectionDelayMax: RETRY_MAX_MS,
    randomizationFactor: 0.5,
  });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let retryMs = RETRY_MIN_MS;
  let closed = false;
  let welcome = false;
  const waiters = new Set<() => void>();

  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed && !socket.connected) socket.connect();
    }, retryMs);
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  socket.on('connect', () => {
    const hello = { bridgeVersion: options.version, devices: service.devices() };
    socket.timeout(HELLO_TIMEOUT_MS).emit(BridgeEvents.hello, hello, (error: Error | null, result) => {
      if (error || !result?.ok) {
        log.error(`the server did not accept the hello: ${error?.message ?? (result && !result.ok ? `${result.error.code} ${result.error.message}` : '?')}`);
        socket.disconnect();
        scheduleRetry();
        return;
      }
      const answer = BridgeWelcomeSchema.parse(result.data);
      retryMs = RETRY_MIN_MS;
      log.info(`connected to ${options.serverUrl} with ${answer.devices} device(s)`);
      clearInterval(heartbeat);
      heartbeat = setInterval(() => socket.emit(BridgeEvents.heartbeat, { devices: service.reports() }), answer.heartbeatMs);
      welcome = true;
      heartbeat.unref?.();
      for (const w of [...waiters]) w();
      waiters.clear();
    });
  });
  socket.on(BridgeEvents.printJob, (job, ack) => {
    void service.handle(job).then((answer) => {
      if (typeof ack === 'function') ack(answer);
    });
  });
  socket.on(BridgeEvents.replaced, (info) => {
    // Two bridges with one token would take turns every second: wait the longest before trying again.
    log.error(`the server closed this connection: ${info?.message ?? 'replaced by another'}`);
    retryMs = RETRY_MAX_MS;
  });
  socket.on('disconnect', (reason) => {
    clearInterval(heartbeat);
    welcome = false;
    if (closed) return;
    log.warn(`disconnected from the server (${reason})`);
    // The server closed it (token revoked, replaced by another bridge with the same token):
    // socket.io does not come back by itself.
    if (!socket.active) scheduleRetry();
  });
  socket.on('connect_error', (error) => {
    if (closed) return;
    const refused = /^auth\.|^request\./.test(error.message);
    (refused ? log.error : log.warn)(`cannot connect to ${options.serverUrl}: ${error.message}${refused ? ' (check the bridge token)' : ''}`);
    if (!socket.active) scheduleRetry();
  });

  return {
    socket,
    welcomed: () => (welcome ? Promise.resolve() : new Promise<void>((resolve) => waiters.add(resolve))),
    report(report) {
      if (socket.connected) socket.emit(BridgeEvents.deviceStatus, report);
    },
    close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(retry);
      socket.disconnect();
    },
  };
}
