import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Server as SocketServer } from 'socket.io';
import type { Config } from './config.ts';
import { createHttpApp } from './http/app.ts';
import type { Logger } from './http/errors.ts';
import { createLogger } from './log.ts';
import type { Clock, Deps, Ids } from './ports.ts';
import { attachCentreNamespace } from './realtime/centre.namespace.ts';
import { createNotifierRelay } from './realtime/relay.ts';
import { ensureDemoCentre } from './setup.usecases.ts';
import { createSqliteStore } from './storage/sqlite.store.ts';

export const VERSION = '0.1.0';

export const systemClock: Clock = { now: () => new Date() };
/** 128 random bits, base64url: unguessable ticket links. */
export const randomIds: Ids = { newId: () => randomBytes(16).toString('base64url') };

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  demoCreated: boolean;
  close(): Promise<void>;
}

export interface ComposeOverrides {
  clock?: Clock;
  ids?: Ids;
  log?: Logger;
}

/** The composition root: store, use cases, HTTP and socket.io on one port. */
export async function startServer(config: Config, overrides: ComposeOverrides = {}): Promise<RunningServer> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const store = await createSqliteStore({ filename: config.dbFile });
  const demoCreated = config.DEMO ? await ensureDemoCentre(store) : false;
  const relay = createNotifierRelay();
  const deps: Deps = { store, clock: overrides.clock ?? systemClock, ids: overrides.ids ?? randomIds, notifier: relay };

  const app = createHttpApp(deps, { webRoot: config.WEB_ROOT, version: VERSION, log });
  const httpServer = createAdaptorServer({ fetch: app.fetch });
  const io = new SocketServer(httpServer, { serveClient: false });
  relay.subscribe(attachCentreNamespace(io, deps, log));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    io.close();
    await store.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    deps,
    demoCreated,
    close() {
      closing ??= (async () => {
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        if ('closeAllConnections' in httpServer) httpServer.closeAllConnections();
        await store.close();
      })();
      return closing;
    },
  };
}
