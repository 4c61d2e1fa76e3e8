import { parseSigned } from 'hono/utils/cookie';
import type { Namespace, Server } from 'socket.io';
import { z } from 'zod';
import {
  AppError,
  CENTRE_NAMESPACE,
  CentreEvents,
  CentreHandshakeSchema,
  type CentreClientToServer,
  type CentreFact,
  type CentreServerToClient,
  type Snapshot,
} from '../../protocol/index.ts';
import { bearerOf, SESSION_COOKIE, type Authenticator, type Revocation } from '../accounts/authenticator.ts';
import { can } from '../accounts/permissions.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Logger } from '../http/errors.ts';
import type { Deps, Notifier } from '../kernel/ports.ts';
import { asyncMiddleware, handshakeRefusal } from '../realtime/async-middleware.ts';
import { forPublicScreens, snapshotForPublicScreens } from './public-fact.ts';
import { sharedSnapshots, snapshotRequests } from './shared-snapshot.ts';
import { onValidated } from '../realtime/validated.ts';

/** What the `/centre` handshake leaves on a socket. */
export interface CentreSocketData {
  centreId: string;
  principal: Principal;
  /** When the staff session ends (ms since the epoch); null for a device. */
  expiresAtMs: number | null;
}

/** `/centre`, typed by its one event map (protocol/events.ts): print and rating notifiers emit through it too. */
export type CentreNamespace = Namespace<CentreClientToServer, CentreServerToClient, Record<string, never>, CentreSocketData>;

/** The room of a centre's clients; print facts (print.notifier.ts) go to it too. */
export const centreRoom = (centreId: string) => `centre:${centreId}`;
const room = centreRoom;
/** Staff (consoles, managers' live view) and devices (public screens) also sit in a room of their own. */
const staffRoom = (centreId: string) => `centre:${centreId}:staff`;
const deviceRoom = (centreId: string) => `centre:${centreId}:devices`;

export interface CentreNamespaceAuth {
  authenticator: Authenticator;
  /** Verifies the signed session cookie of the handshake. */
  sessionSecret: string;
}

/** The verified session id of a Cookie header, if it carries a well-signed session cookie. */
async function sessionIdOf(cookieHeader: string | undefined, secret: string): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = (await parseSigned(cookieHeader, secret, SESSION_COOKIE))[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Cross-site WebSocket hijacking: a page of another origin opening a socket would ride on the
 * cookie. SameSite=Strict keeps it off cross-site requests; this also refuses same-site
 * neighbours. Like the HTTP check (auth.middleware.ts): Sec-Fetch-Site, else Origin vs Host.
 */
function sameOriginHandshake(headers: Record<string, string | string[] | undefined>, secure: boolean): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = headers.origin;
  const host = headers.host;
  if (typeof origin !== 'string' || typeof host !== 'string') return false;
  const forwarded = typeof headers['x-forwarded-proto'] === 'string' && headers['x-forwarded-proto'].split(',')[0]?.trim() === 'https';
  return origin === `${secure || forwarded ? 'https' : 'http'}://${host}`;
}

function matches(principal: Principal, r: Revocation): boolean {
  if (r.kind === 'device') return principal.kind === 'device' && principal.deviceId === r.deviceId;
  if (principal.kind !== 'staff') return false;
  if (r.kind === 'session') return principal.sessionId === r.sessionIdHash;
  return principal.centreId === r.centreId && principal.staffId === r.staffId && principal.sessionId !== r.exceptSessionIdHash;
}

/**
 * `/centre`: displays, consoles and kiosks. A client names its centre in the handshake and proves
 * who it is with a device token (`auth.token`) or the staff session cookie the browser sends; it
 * needs `centre:read` there. It then gets a full snapshot first, then every fact with the
 * centre's sequence number. Revoked credentials and expired sessions are disconnected.
 */
export function attachCentreNamespace(io: Server, deps: Deps, log: Logger, auth: CentreNamespaceAuth): Notifier & { revoke(r: Revocation): void } {
  const nsp = io.of(CENTRE_NAMESPACE) as CentreNamespace;
  // One snapshot per change, shared by every display of the centre (shared-snapshot.ts).
  const snapshots = sharedSnapshots(deps);

  nsp.use(
    asyncMiddleware('centre handshake', log, async (socket, next) => {
      const parsed = CentreHandshakeSchema.safeParse(socket.handshake.auth);
      if (!parsed.success) return next(new Error('request.invalid_payload: handshake needs { centreId, token? }'));
      const { centreId, token } = parsed.data;
      try {
        // The token the client names decides alone; else the cookie (a browser on our origin).
        const bearer = token ?? bearerOf(socket.handshake.headers.authorization);
        const sessionId = bearer ? null : await sessionIdOf(socket.handshake.headers.cookie, auth.sessionSecret);
        const who = await auth.authenticator.authenticate({ bearer, sessionId });
        if (who.principal.kind === 'anonymous') return next(new Error('auth.required'));
        if (who.via === 'cookie' && !sameOriginHandshake(socket.handshake.headers, socket.handshake.secure)) {
          return next(new Error('auth.forbidden'));
        }
        if (who.mustChangePassword) return next(new Error('auth.password_change_required'));
        if (!can(who.principal, 'centre:read', centreId)) return next(new Error('auth.forbidden'));
        if (!(await deps.store.getCentre(centreId))) return next(new Error('centre.not_found'));
        socket.data.centreId = centreId;
        socket.data.principal = who.principal;
        socket.data.expiresAtMs = who.session?.expiresAt.getTime() ?? null;
        next();
      } catch (error) {
        log.error('socket handshake failed', error);
        next(handshakeRefusal(error));
      }
    }),
  );

  nsp.on('connection', async (socket) => {
    const centreId: string = socket.data.centreId;
    const expiresAtMs: number | null = socket.data.expiresAtMs;
    const principal: Principal = socket.data.principal;
    // Staff see dossier codes whole; a device is a public screen (public-fact.ts).
    const staff = principal.kind === 'staff';
    const view = (s: Snapshot) => (staff ? s : snapshotForPublicScreens(s));
    if (principal.kind === 'device') auth.authenticator.keepSeen(socket, principal.deviceId);
    if (expiresAtMs !== null) {
      // A console left open past its session stops receiving; the page then asks to log in.
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAtMs - deps.clock.now().getTime()));
      timer.unref?.();
      socket.once('disconnect', () => clearTimeout(timer));
    }
    // Listen before any await: a client may ask for a snapshot as soon as it is connected.
    // At most one request in flight per socket, and a rate limit (issue #10's snapshot flood).
    const ask = snapshotRequests(
      () => snapshots.get(centreId),
      () => deps.clock.now().getTime(),
    );
    socket.on(
      CentreEvents.requestSnapshot,
      onValidated(
        z.object({}).strict(),
        async () => {
          const answer = ask();
          if (answer === 'rate_limited') throw new AppError('realtime.rate_limited', 'Too many snapshot requests; wait a little.');
          return view(await answer);
        },
        log,
      ),
    );
    try {
      // Snapshot first, then join, so the snapshot is always the first event. A fact committed
      // between the read and the join went to the room without this socket: catch up with a
      // second snapshot (clients drop facts their snapshot already covers, seq ≤ snapshot.seq).
      const snapshot = await snapshots.get(centreId);
      socket.emit(CentreEvents.snapshot, view(snapshot));
      await socket.join([room(centreId), staff ? staffRoom(centreId) : deviceRoom(centreId)]);
      if ((await deps.store.currentSeq(centreId)) > snapshot.seq) {
        socket.emit(CentreEvents.snapshot, view(await snapshots.get(centreId)));
      }
    } catch (error) {
      log.error('snapshot failed', error);
      socket.disconnect(true);
    }
  });

  return {
    publish(fact: CentreFact) {
      // A ticket with a dossier code: staff get it whole, public screens masked (docs/dossiers.md).
      const masked = forPublicScreens(fact);
      if (!masked) return void nsp.to(room(fact.centreId)).emit(fact.type, fact.payload as never);
      nsp.to(staffRoom(fact.centreId)).emit(fact.type, fact.payload as never);
      nsp.to(deviceRoom(fact.centreId)).emit(masked.type, masked.payload as never);
    },
    revoke(r: Revocation) {
      for (const socket of nsp.sockets.values()) {
        if (matches(socket.data.principal, r)) socket.disconnect(true);
      }
    },
  };
}
