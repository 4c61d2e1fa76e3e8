import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Server as SocketServer } from 'socket.io';
import type { Authenticator, Revocation } from '../accounts/authenticator.ts';
import type { Permission } from '../accounts/principal.ts';
import type { Config } from '../config.ts';
import type { Hono } from 'hono';
import type { Logger } from './log.ts';
import type { Peers } from '../realtime/peers.ts';
import type { Deps, Notifier } from './ports.ts';
import type { TicketSubscriber } from './ticket-subscribers.ts';

/**
 * What the composition root gives every module when it creates it. `base` is the dependencies
 * object without the subscribers (a module's own use cases that never change a ticket — print
 * jobs, keypad presses — run on it); the full `Deps`, with every module's subscribers, reaches
 * `routes`, `sockets` and `start`.
 */
export interface ModuleContext {
  config: Config;
  log: Logger;
  base: Deps;
  /** The socket.io server (namespaces may be attached before it listens). */
  io: SocketServer;
  authenticator: Authenticator;
  /** Signs session cookies (the /centre handshake reads them). */
  sessionSecret: string;
  /** Ends the live socket connections made with revoked credentials, in every module and on every instance. */
  revoke(revocation: Revocation): void;
  /** The other server instances, through the socket.io adapter (none with one process). */
  peers: Peers;
  /** The server's version (the API document and /api/ready say it). */
  version: string;
  /** The server's public address, known once it listens (printed on tickets as the QR code's link). */
  publicUrl(): string;
}

/** A permission a path needs, checked before the route's own middleware and body validation. */
export type PathGuard = [method: 'GET' | 'POST' | 'PUT', path: string, permission: Permission];

/** An answered request as the request metrics see it: the matched route's pattern, never the raw path. */
export interface AnsweredRequest {
  method: string;
  /** The pattern of the route that matched (`/api/centres/:centreId/tickets`), or `unmatched`. */
  route: string;
  status: number;
  seconds: number;
}

/** What a module adds to the HTTP side besides its /api routes (server/operations/: the request metrics, /metrics at the root). */
export interface HttpHooks {
  /** Told of every answered request, pages and API alike. */
  answered?(request: AnsweredRequest): void;
  /** Told of every `store.unavailable` the error path answers. */
  storeFault?(): void;
  /** Routes outside /api (`/metrics`), matched before the pages. */
  root?: Hono;
}

/** What a module's socket side offers the composition root. */
export interface ModuleSockets {
  /** Told every published fact (the relay forwards use cases' facts here). */
  facts?: Notifier;
  revoke?(revocation: Revocation): void;
  /** The server is stopping: say goodbye before the sockets close. */
  stopping?(): void;
}

/**
 * A feature module: what it adds to the server, in one place. compose.ts loops over the list in
 * server/modules.ts; a new capability (an SMS on call, say) is one folder plus one line there.
 */
export interface LuotModule {
  name: string;
  /** Work that follows ticket changes inside their transaction (kernel/ticket-subscribers.ts). */
  subscribers?: readonly TicketSubscriber[];
  /** Permissions of paths whose route files apply none themselves. */
  guards?: readonly PathGuard[];
  /** HTTP routes under /api. */
  routes?(deps: Deps): readonly OpenAPIHono[];
  /** What it adds to the HTTP side besides /api routes: request observers, routes at the root. */
  http?: HttpHooks;
  /** socket.io namespaces. */
  sockets?(deps: Deps): ModuleSockets;
  /** Work once the server listens (sweeps, timers); returns what stops it. */
  start?(deps: Deps): Promise<(() => void) | void>;
}
