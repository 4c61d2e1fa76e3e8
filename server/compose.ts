import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Server as SocketServer } from 'socket.io';
import { ensureAccounts, type AccountsSetup } from './accounts/accounts-setup.usecases.ts';
import { createAuthenticator, type Revocation } from './accounts/authenticator.ts';
import { loadSessionSecret } from './accounts/session-secret.ts';
import type { Config } from './config.ts';
import { createHttpApp } from './http/app.ts';
import { answerClientErrors } from './http/client-errors.ts';
import type { Logger } from './http/errors.ts';
import { createLogger } from './kernel/log.ts';
import type { Clock, Deps, Ids } from './kernel/ports.ts';
import { attachCentreNamespace } from './centres/centre.namespace.ts';
import { createNotifierRelay } from './realtime/relay.ts';
import { attachTicketNamespace } from './tickets/ticket.namespace.ts';
import { attachRatingNamespace } from './ratings/rating.namespace.ts';
import { expireStaleTickets } from './counters/day-end.usecases.ts';
import { ensureDemoCentre } from './centres/setup.usecases.ts';
import { ensureRollups, recordForReports } from './reports/rollups.usecases.ts';
import { abandonOverdue, printOnIssue } from './printing/print-jobs.usecases.ts';
import type { PrintDeps, PrintNotifier } from './printing/printing.deps.ts';
import { attachBridgeNamespace, createBridgeRegistry } from './printing/bridge.namespace.ts';
import { createPrintNotifier } from './printing/print.notifier.ts';
import { createKeypadTransport, createRatingNotifier } from './ratings/keypad.namespace.ts';
import type { RatingDeps, RatingNotifier } from './ratings/ratings.deps.ts';
import { armOnFinish } from './ratings/ratings.usecases.ts';
import type { StatementObserver } from './storage/sqlite-driver.ts';
import { createSqliteStore } from './storage/sqlite.store.ts';

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

/** The composition root: store, use cases, HTTP and socket.io on one port. */
export async function startServer(config: Config, overrides: ComposeOverrides = {}): Promise<RunningServer> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const store = await createSqliteStore({ filename: config.dbFile, observe: overrides.observeStatements });
  const demoCreated = config.DEMO ? await ensureDemoCentre(store) : false;
  const relay = createNotifierRelay();
  const deps: Deps = { store, clock: overrides.clock ?? systemClock, ids: overrides.ids ?? randomIds, notifier: relay };
  const accounts = await ensureAccounts(deps, { demo: config.DEMO, adminPassword: config.ADMIN_PASSWORD });
  // Reports (issue #6): rollups follow every ticket change; a store that never had them gets them built.
  deps.ticketChanged = recordForReports;
  for (const centreId of await ensureRollups(store, deps.clock)) log.info(`reports: rollups of centre ${centreId} built from its tickets`);
  const sessionSecret = loadSessionSecret({ configured: config.SESSION_SECRET, dataDir: config.DATA_DIR });
  const authenticator = createAuthenticator(deps);

  // Printing (issue #4): the transport and the notifier exist once socket.io does; late-bound here.
  const bridges = createBridgeRegistry();
  let printNotifier: PrintNotifier = { printStatus: () => {}, deviceUpdated: () => {} };
  let publicUrl = config.PUBLIC_URL ?? '';
  const printing: PrintDeps = {
    ...deps,
    transport: bridges,
    printNotifier: { printStatus: (j) => printNotifier.printStatus(j), deviceUpdated: (d) => printNotifier.deviceUpdated(d) },
    printTimeoutMs: config.PRINT_TIMEOUT_MS,
    heartbeatMs: config.BRIDGE_HEARTBEAT_MS,
    publicUrl: () => publicUrl,
    log,
  };
  deps.ticketIssued = printOnIssue(printing);

  // Ratings (issue #5): finishing a ticket arms its counter's keypads (through the bridges) and
  // rating screen; the notifier exists once socket.io does.
  let ratingNotifier: RatingNotifier = { armed: () => {}, recorded: () => {} };
  const ratings: RatingDeps = {
    ...deps,
    keypads: createKeypadTransport(bridges),
    ratingNotifier: { armed: (a) => ratingNotifier.armed(a), recorded: (r) => ratingNotifier.recorded(r) },
    log,
  };
  deps.ticketFinished = armOnFinish(ratings);

  // Revocations reach the live sockets through this hook, set once the namespace exists.
  let revoked: (r: Revocation) => void = () => {};
  const app = createHttpApp(deps, {
    webRoot: config.WEB_ROOT,
    version: VERSION,
    log,
    authenticator,
    sessionSecret,
    onRevoked: (r) => revoked(r),
    printing,
    ratings,
    previewDir: join(config.DATA_DIR, 'printed'),
    voiceDir: config.VOICE_DIR ? resolve(config.VOICE_DIR) : undefined,
    trustedProxies: config.TRUSTED_PROXIES,
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch });
  // What Node's HTTP parser refuses (a 20 kB URL …) is answered in the one error shape too.
  answerClientErrors(httpServer);
  // A heartbeat every 10 s, answered within 5 s: a display whose network silently died learns it
  // (offline banner, reconnect) within 15 s instead of socket.io's default 45 s.
  const io = new SocketServer(httpServer, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });
  // While stopping, keep-alive connections still carry requests for a grace period. A client's
  // next poll would then be answered "400 unknown session" by this process, which has just
  // dropped every session; cutting the connection instead makes the client simply reconnect.
  let shuttingDown = false;
  io.engine.use((req: { socket: { destroy(): void } }, _res: unknown, next: () => void) => (shuttingDown ? req.socket.destroy() : next()));
  const centreNamespace = attachCentreNamespace(io, deps, log, { authenticator, sessionSecret });
  printNotifier = createPrintNotifier(io);
  ratingNotifier = createRatingNotifier(io);
  const bridgeNamespace = attachBridgeNamespace(io, printing, bridges, log, { authenticator, ratings });
  const ratingNamespace = attachRatingNamespace(io, log, { authenticator });
  revoked = (r) => {
    centreNamespace.revoke(r);
    bridgeNamespace.revoke(r);
    ratingNamespace.revoke(r);
  };
  relay.subscribe(centreNamespace);
  relay.subscribe(
    attachTicketNamespace(io, deps, log, {
      perTicket: config.TICKET_FOLLOWERS_PER_TICKET,
      perAddress: config.TICKET_FOLLOWERS_PER_ADDRESS,
      trustedProxies: config.TRUSTED_PROXIES,
    }),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    await io.close();
    await store.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;

  // Day end: checked every minute (and now, for a server that was off at midnight).
  const sweep = () =>
    expireStaleTickets(deps).then(
      (n) => n > 0 && log.info(`day end: ${n} unserved ticket(s) expired`),
      (error) => log.error('day-end sweep failed', error),
    );
  await sweep();
  const sweeper = setInterval(() => void sweep(), 60_000);
  sweeper.unref();
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl ||= url;

  // Bridges connected to a previous run are not connected to this one (they will say hello again).
  await store.disconnectAllBridges(deps.clock.now().getTime());
  // Print jobs past their deadline are abandoned (also those left over from before a restart).
  const abandon = () => abandonOverdue(printing).catch((error) => log.error('print job sweep failed', error));
  await abandon();
  const printSweeper = setInterval(() => void abandon(), Math.min(1000, Math.floor(config.PRINT_TIMEOUT_MS / 4)));
  printSweeper.unref();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    deps,
    printing,
    ratings,
    demoCreated,
    accounts,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        clearInterval(sweeper);
        clearInterval(printSweeper);
        bridgeNamespace.stopping();
        io.disconnectSockets(true);
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
        await store.close();
      })();
      return closing;
    },
  };
}
