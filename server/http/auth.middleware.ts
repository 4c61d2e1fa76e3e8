import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../protocol/index.ts';
import { anonymousAuthentication, bearerOf, SESSION_COOKIE, type Authentication, type Authenticator } from '../accounts/authenticator.ts';
import { can, PERMISSIONS } from '../accounts/permissions.ts';
import type { Permission, Principal } from '../accounts/principal.ts';
import type { StaffActor } from '../kernel/ports.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who is asking; set for every /api request by `authenticate`. */
    principal: Principal;
    auth: Authentication;
  }
}

export { SESSION_COOKIE };

const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

/** https as the browser sees it: directly, or through a TLS proxy that says so. */
export const isHttps = (c: Context): boolean =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

/**
 * Did the browser send this from one of our own pages? Sec-Fetch-Site (set by the browser,
 * right behind a proxy too) or else Origin against the request's own origin. Neither header:
 * not a browser we can vouch for, so no.
 */
function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin;
}

/**
 * Resolves the Principal of every request (signed session cookie, or `Authorization: Bearer
 * luot_…`) and sets it on the context. Invalid, revoked or expired credentials are anonymous.
 * A state-changing request authenticated by the cookie must come from our own origin (CSRF);
 * SameSite=Strict already keeps the cookie off cross-site requests, this also covers same-site
 * neighbours (another port or subdomain of the same host).
 */
export function authenticate(authenticator: Authenticator, secret: string): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const bearer = bearerOf(c.req.header('authorization'));
    let sessionId: string | null = null;
    if (!bearer) {
      const signed = await getSignedCookie(c, secret, SESSION_COOKIE);
      sessionId = typeof signed === 'string' && signed.length > 0 ? signed : null;
    }
    const auth = bearer || sessionId ? await authenticator.authenticate({ bearer, sessionId }) : anonymousAuthentication;
    if (auth.via === 'cookie' && UNSAFE.test(c.req.method) && !sameOrigin(c)) {
      throw new AppError('auth.forbidden', 'Cross-site request refused.');
    }
    c.set('auth', auth);
    c.set('principal', auth.principal);
    await next();
  });
}

export const authOf = (c: Context): Authentication => c.get('auth') ?? anonymousAuthentication;
export const principalOf = (c: Context): Principal => authOf(c).principal;

/** Throws unless the caller may do `permission` in the centre named by the route (or, without one, their own). */
export function assertPermission(c: Context, permission: Permission, centreId?: string): void {
  const auth = authOf(c);
  const principal = auth.principal;
  if (principal.kind === 'anonymous') throw new AppError('auth.required', 'Log in, or pair this device, first.');
  if (auth.mustChangePassword) throw new AppError('auth.password_change_required', 'Change the one-time password first.');
  const centre = centreId ?? c.req.param('centreId') ?? principal.centreId;
  if (!can(principal, permission, centre)) throw new AppError('auth.forbidden', `Not allowed: ${permission}.`);
}

/** Route middleware: 401 `auth.required` for anonymous callers, 403 `auth.forbidden` for the rest who lack it. */
export function requirePermission(permission: Permission): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    assertPermission(c, permission);
    await next();
  });
}

/** Route middleware for what only an officer's own session may do (password change). */
export const requireStaffSession: MiddlewareHandler = createMiddleware(async (c, next) => {
  const principal = principalOf(c);
  if (principal.kind === 'anonymous') throw new AppError('auth.required', 'Log in first.');
  if (principal.kind !== 'staff') throw new AppError('auth.forbidden', 'Only a staff session may do this.');
  await next();
});

/**
 * For requests that create a session (login): a browser that says the request comes from
 * another site is refused, so a page elsewhere cannot log the visitor into an account of its
 * choosing. Clients that send neither header (scripts) are not browsers and pass.
 */
export const refuseCrossSite: MiddlewareHandler = createMiddleware(async (c, next) => {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const crossSite = site !== undefined ? site !== 'same-origin' && site !== 'none' : origin !== undefined && origin !== new URL(c.req.url).origin;
  if (crossSite) throw new AppError('auth.forbidden', 'Cross-site request refused.');
  await next();
});

/**
 * hono/csrf (Origin / Sec-Fetch-Site on form-like bodies) for requests that carry cookies: only
 * those have an ambient credential to forge with. Device clients send a bearer token and no
 * cookie, and are not bothered for a bodyless POST without Origin.
 */
export function csrfForCookies(csrfMiddleware: MiddlewareHandler): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    if (!c.req.header('cookie')) return next();
    return csrfMiddleware(c, next);
  });
}

/** The officer a counter use case acts for; 401 unless the caller is a staff session. */
export function staffActor(c: Context): StaffActor {
  const principal = principalOf(c);
  if (principal.kind !== 'staff') throw new AppError('auth.required', 'Log in with a staff account first.');
  return { staffId: principal.staffId, role: principal.role };
}

export async function setSessionCookie(c: Context, secret: string, sessionId: string, expiresAt: Date): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, sessionId, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

/** The security requirement of a permission: a session if an account role holds it, a device token if a device kind does. */
export function securityFor(permission: Permission): { [scheme: string]: string[] }[] {
  const holders = PERMISSIONS[permission];
  return [
    ...(holders.some((h) => !h.startsWith('device:')) ? [{ sessionCookie: [] }] : []),
    ...(holders.some((h) => h.startsWith('device:')) ? [{ deviceToken: [] }] : []),
  ];
}

/**
 * Spread into a createRoute: the permission check as route middleware (it runs before the body
 * is validated, so strangers learn nothing), and the matching OpenAPI security requirement.
 */
export const guard = (permission: Permission) => ({
  middleware: [requirePermission(permission)],
  security: securityFor(permission),
  'x-permission': permission,
});
