import { createRoute } from '@hono/zod-openapi';
import { AccountSchema, ChangePasswordBodySchema, LoginBodySchema, SessionInfoSchema, type SessionInfo } from '../../protocol/index.ts';
import { changePassword, login, logout } from './accounts.usecases.ts';
import type { Revocation } from './authenticator.ts';
import type { Deps } from '../kernel/ports.ts';
import { authOf, clearSessionCookie, refuseCrossSite, requireStaffSession, setSessionCookie } from '../http/auth.middleware.ts';
import type { LoginGuard } from './login-throttle.ts';
import { createRouter, errorResponses, jsonBody, jsonOk } from '../http/router.ts';

/** Staff sessions: log in and out, who am I, change password. */
export function authRoutes(deps: Deps, options: { secret: string; onRevoked: (r: Revocation) => void; guardLogin: LoginGuard }) {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      operationId: 'login',
      tags: ['auth'],
      summary:
        'Log in with username and password; sets the httpOnly session cookie. Throttled per username and client address (429 auth.throttled, Retry-After)',
      security: [],
      middleware: [refuseCrossSite],
      request: jsonBody(LoginBodySchema),
      responses: { ...jsonOk(SessionInfoSchema, 'The new session'), ...errorResponses(400, 401, 403, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const session = await options.guardLogin(c, body.username, () => login(deps, body));
      if (session instanceof Response) return session as never;
      await setSessionCookie(c, options.secret, session.sessionId, session.expiresAt);
      const info: SessionInfo = { kind: 'staff', account: session.account, expiresAt: session.expiresAt.toISOString() };
      return c.json(info, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      operationId: 'logout',
      tags: ['auth'],
      summary: 'End the session (revoked on the server) and clear the cookie; harmless without one',
      security: [{ sessionCookie: [] }],
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const { principal } = authOf(c);
      if (principal.kind === 'staff') {
        await logout(deps, principal);
        options.onRevoked({ kind: 'session', sessionIdHash: principal.sessionId });
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      operationId: 'getSession',
      tags: ['auth'],
      summary: 'Who the caller is: a staff session, a paired device, or anonymous',
      security: [],
      responses: jsonOk(SessionInfoSchema, 'The caller'),
    }),
    async (c) => {
      const auth = authOf(c);
      let info: SessionInfo = { kind: 'anonymous' };
      if (auth.session) {
        info = { kind: 'staff', account: auth.session.account, expiresAt: auth.session.expiresAt.toISOString() };
      } else if (auth.device) {
        const d = auth.device;
        info = { kind: 'device', centreId: d.centreId, deviceId: d.id, deviceKind: d.kind, name: d.name };
        // A rating screen learns its counter (and the number it shows) here: it may read nothing else.
        const counter = d.counterId ? await deps.store.getCounter(d.centreId, d.counterId) : null;
        if (counter) info.counter = { id: counter.id, number: counter.number };
      }
      return c.json(info, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      operationId: 'changePassword',
      tags: ['auth'],
      summary: "Change the logged-in officer's password; needs the current one and ends the account's other sessions",
      security: [{ sessionCookie: [] }],
      middleware: [requireStaffSession],
      request: jsonBody(ChangePasswordBodySchema),
      responses: { ...jsonOk(AccountSchema, 'The account'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { principal } = authOf(c);
      if (principal.kind !== 'staff') throw new Error('unreachable: requireStaffSession');
      const account = await changePassword(deps, principal, c.req.valid('json'));
      options.onRevoked({ kind: 'account', centreId: principal.centreId, staffId: principal.staffId, exceptSessionIdHash: principal.sessionId });
      return c.json(account, 200);
    },
  );

  return app;
}
