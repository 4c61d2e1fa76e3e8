import { io, type Socket } from 'socket.io-client';
import { BRIDGE_NAMESPACE, BridgeEvents, type BridgeClientToServer, type BridgeServerToClient } from '../protocol/events.ts';
import { BridgeWelcomeSchema, PrintCancelSchema, PrintClaimAnswerSchema, type DeviceStatusReport } from '../protocol/bridge.schemas.ts';
import type { BridgeLogger } from './log.ts';
import type { PrintService } from './print-service.ts';

export type BridgeSocket = Socket<BridgeServerToClient, BridgeClientToServer>;

const HELLO_TIMEOUT_MS = 10_000;
/** How long the server has to answer a print:claim (it reads one row). */
const CLAIM_TIMEOUT_MS = 3_000;
/**
 * Reconnection: 1 s doubling, capped at 5 s, ±50 % jitter (socket.io's own defaults). A bridge
 * must be back well within the server's print deadline (PRINT_TIMEOUT_MS, 10 s) after a server
 * restart; the jitter spreads the bridges of a centre so they do not all knock at once.
 */
export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 5_000;
const JITTER = 0.5;
/** Replaced by another connection with the same token: two bridges would take turns; wait long. */
const REPLACED_RETRY_MS = 30_000;

export interface ServerLink {
  readonly socket: BridgeSocket;
  /** Resolves once the server has answered the hello of the current connection (now, if it has). */
  welcomed(): Promise<void>;
  /**
   * `print:claim`: may this job still print? True only when the server says so within a few
   * seconds; not connected, no answer or no: false (the job is not printed).
   */
  claim(jobId: string): Promise<boolean>;
  /** Sends a device's new status now (if connected; the next hello carries it otherwise). */
  report(report: DeviceStatusReport): void;
  close(): void;
}

/**
 * The typed socket.io link to the server's `/bridge` namespace: token in the handshake, hello
 * with the devices on every (re)connection, a heartbeat, print jobs answered through the print
 * service. socket.io retries a lost transport itself (with backoff); a refused handshake or a
 * server-side disconnect (a server shutting down) it does not, so those are retried here, 1 s
 * doubling to 5 s with jitter — a bridge beside a kiosk has nobody to restart it.
 */
export function connectToServer(options: {
  serverUrl: string;
  token: string;
  version: string;
  /** What the hello and heartbeats announce and who prints (the print service, with the keypads' devices added). */
  service: Pick<PrintService, 'devices' | 'reports' | 'handle' | 'cancel'>;
  log: BridgeLogger;
}): ServerLink {
  const { service, log } = options;
  const socket: BridgeSocket = io(`${options.serverUrl.replace(/\/+$/, '')}${BRIDGE_NAMESPACE}`, {
    auth: { token: options.token },
    reconnection: true,
    reconnectionDelay: RETRY_MIN_MS,
    reconnectionDelayMax: RETRY_MAX_MS,
    randomizationFactor: JITTER,
  });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let retryMs = RETRY_MIN_MS;
  let replaced = false;
  let closed = false;
  let welcome = false;
  const waiters = new Set<() => void>();

  const scheduleRetry = () => {
    if (closed || retry) return;
    const delay = replaced ? REPLACED_RETRY_MS : Math.min(RETRY_MAX_MS, Math.round(retryMs * (1 - JITTER + Math.random() * 2 * JITTER)));
    replaced = false;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed && !socket.connected) socket.connect();
    }, delay);
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  socket.on('connect', () => {
    const hello = { bridgeVersion: options.version, devices: service.devices() };
    socket.timeout(HELLO_TIMEOUT_MS).emit(BridgeEvents.hello, hello, (error: Error | null, result) => {
      // Closed (the bridge stopping) while the hello was in flight: socket.io fails the ack with
      // "socket has been disconnected"; that is the stop, not a refusal.
      if (closed) return;
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
  socket.on(BridgeEvents.printCancel, (payload) => {
    const parsed = PrintCancelSchema.safeParse(payload);
    if (!parsed.success) return log.error('invalid print:cancel from the server', parsed.error.issues);
    log.info(`job ${parsed.data.jobId}: the server gave up on it (${parsed.data.reason}); it will not be printed`);
    service.cancel(parsed.data.jobId);
  });
  socket.on(BridgeEvents.replaced, (info) => {
    // Two bridges with one token would take turns every second: wait the longest before trying again.
    log.error(`the server closed this connection: ${info?.message ?? 'replaced by another'}`);
    replaced = true;
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
    claim(jobId) {
      if (!socket.connected || !welcome) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        socket.timeout(CLAIM_TIMEOUT_MS).emit(BridgeEvents.printClaim, { jobId }, (error: Error | null, result) => {
          if (error || !result?.ok) return resolve(false);
          const answer = PrintClaimAnswerSchema.safeParse(result.data);
          if (answer.success && !answer.data.print) log.warn(`job ${jobId}: the server says not to print it (${answer.data.reason ?? 'no reason'})`);
          resolve(answer.success && answer.data.print);
        });
      });
    },
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
