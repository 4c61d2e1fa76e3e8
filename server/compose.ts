import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Server as SocketServer } from 'socket.io';
import { ensureAccounts, type AccountsSetup } from './accounts/accounts-setup.usecases.ts';
import { createAuthenticator, type Revocation } from './accounts/authenticator.ts';
import { loadSessionSecret } from './accounts/session-secret.ts';
import { ensureDemoCentre } from './centres/setup.usecases.ts';
import type { Config } from './config.ts';
import { createHttpApp } from './http/app.ts';
import { answerClientErrors } from './http/client-errors.ts';
import type { Logger } from './kernel/log.ts';
import { createLogger } from './kernel/log.ts';
import type { ModuleContext, ModuleSockets } from './kernel/module.ts';
import type { Clock, Deps, Ids } from './kernel/ports.ts';
import { createModules } from './modules.ts';
import type { PrintDeps } from './printing/printing.deps.ts';
import type { RatingDeps } from './ratings/ratings.deps.ts';
import { attachAdapter } from './realtime/adapter.ts';
import { createPeers } from './realtime/peers.ts';
import { createNotifierRelay } from './realtime/relay.ts';
import type { StatementObserver } from './storage/sqlite-driver.ts';
import { isPostgresUrl, openStore } from './storage/open-store.ts';

export const VERSION = '0.1.0';
/** How long a stopping server waits for requests in flight before closing their connections. */
const CLOSE_GRACE_MS = 2_000;

export const systemClock: Clock = { now: () => new Date() };
/** 128 random bits, base64url: unguessable ticket links. */
export const randomIds: Ids = { newId: () => randomBytes(16).toString('base64url') };

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  demoCreated: boolean;
  /** What the first start made: demo accounts, a default centre, a first admin (see docs/security.md). */
  accounts: AccountsSetup;
  /** The printing use cases' dependencies (bridges, timeouts), for the demo bridge and tests. */
  printing: PrintDeps;
  /** The rating use cases' dependencies (keypads through the bridges), for tests. */
  ratings: RatingDeps;
  close(): Promise<void>;
}

export interface ComposeOverrides {
  clock?: Clock;
  ids?: Ids;
  log?: Logger;
  /** Told of every SQL statement the store runs (the bench counts them per operation). */
  observeStatements?: StatementObserver;
}

/**
 * The composition root: the store, the feature modules (server/modules.ts) with their
 * subscribers, routes, socket namespaces and timers, HTTP and socket.io on one port.
 */
export async function startServer(config: Config, overrides: ComposeOverrides = {}): Promise<RunningServer> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const store = await openStore(config, {
    observe: overrides.observeStatements,
    onAfterCommitError: (error) => log.error('after-commit work failed', error),
    onPoolError: (error) => log.warn(`a PostgreSQL connection broke (${error.message}); reconnecting on the next request`),
  });
  const demoCreated = config.DEMO ? await ensureDemoCentre(store) : false;
  // Use cases publish facts to the relay; the modules' socket namespaces subscribe to it.
  const relay = createNotifierRelay();
  const base: Deps = { store, clock: overrides.clock ?? systemClock, ids: overrides.ids ?? randomIds, notifier: relay };
  const accounts = await ensureAccounts(base, { demo: config.DEMO, adminPassword: config.ADMIN_PASSWORD, province: isPostgresUrl(config.DATABASE_URL) });
  const sessionSecret = loadSessionSecret({ configured: config.SESSION_SECRET, dataDir: config.DATA_DIR });

  // socket.io first, attached to the HTTP server once that exists: namespaces can be set up now.
  // A heartbeat every 10 s, answered within 5 s: a display whose network silently died learns it
  // (offline banner, reconnect) within 15 s instead of socket.io's default 45 s.
  const io = new SocketServer({ serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });
  // Before any namespace is made, so each gets it: with several instances (Redis, or PostgreSQL's
  // LISTEN/NOTIFY) a room broadcast reaches the sockets of every instance (realtime/adapter.ts).
  const realtime = await attachAdapter(io, config, log).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const sockets: ModuleSockets[] = [];
  // Messages to the other instances (revocations, print jobs for bridges held elsewhere …).
  const peers = createPeers(io, realtime.kind);
  const revokeHere = (r: Revocation) => {
    for (const s of sockets) s.revoke?.(r);
  };
  // Another instance revoked credentials: this one's sockets made with them go too.
  peers.on('revoke', revokeHere);
  let publicUrl = config.PUBLIC_URL ?? '';
  const ctx: ModuleContext = {
    config,
    log,
    base,
    io,
    authenticator: createAuthenticator(base),
    sessionSecret,
    revoke: (r: Revocation) => {
      revokeHere(r);
      peers.emit('revoke', r);
    },
    peers,
    version: VERSION,
    publicUrl: () => publicUrl,
  };
  const modules = createModules(ctx);
  const deps: Deps = { ...base, subscribers: modules.list.flatMap((m) => m.subscribers ?? []) };
  for (const m of modules.list) if (m.sockets) sockets.push(m.sockets(deps));
  for (const s of sockets) if (s.facts) relay.subscribe(s.facts);
  const app = createHttpApp({
    webRoot: config.WEB_ROOT,
    version: VERSION,
    log,
    authenticator: ctx.authenticator,
    sessionSecret,
    routes: modules.list.flatMap((m) => m.routes?.(deps) ?? []),
    guards: modules.list.flatMap((m) => m.guards ?? []),
    hooks: modules.list.flatMap((m) => m.http ?? []),
    voiceDir: config.VOICE_DIR ? resolve(config.VOICE_DIR) : undefined,
  });
  // Timed work (day end, print deadlines) and start-up repairs, before the first request.
  const stops: (() => void)[] = [];
  for (const m of modules.list) {
    const stop = await m.start?.(deps);
    if (stop) stops.push(stop);
  }

  const httpServer = createAdaptorServer({ fetch: app.fetch });
  // What Node's HTTP parser refuses (a 20 kB URL …) is answered in the one error shape too.
  answerClientErrors(httpServer);
  io.attach(httpServer);
  // While stopping, keep-alive connections still carry requests for a grace period. A client's
  // next poll would then be answered "400 unknown session" by this process, which has just
  // dropped every session; cutting the connection instead makes the client simply reconnect.
  let shuttingDown = false;
  io.engine.use((req: { socket: { destroy(): void } }, _res: unknown, next: () => void) => (shuttingDown ? req.socket.destroy() : next()));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    for (const stop of stops) stop();
    await io.close();
    await realtime.close();
    await store.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl ||= url;

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    deps,
    printing: modules.printing,
    ratings: modules.ratings,
    demoCreated,
    accounts,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        peers.stop();
        for (const stop of stops) stop();
        for (const s of sockets) s.stopping?.();
        // This instance's sockets only: with an adapter a plain disconnectSockets reaches every instance.
        io.local.disconnectSockets(true);
        const closed = new Promise<void>((resolve) => {
          void io.close(() => resolve());
        });
        // A keep-alive connection that never goes idle (a display or kiosk retrying every two
        // seconds, under the 5 s keep-alive timeout) would hold the close open for ever: give
        // requests in flight a moment, then cut what is left.
        const cutAll = () => {
          if ('closeAllConnections' in httpServer) httpServer.closeAllConnections();
        };
        const cut = setTimeout(cutAll, CLOSE_GRACE_MS);
        await closed;
        clearTimeout(cut);
        cutAll();
        // After io.close(), which closed each namespace's adapter: then its pool or Redis clients.
        await realtime.close();
        await store.close();
      })();
      return closing;
    },
  };
}
