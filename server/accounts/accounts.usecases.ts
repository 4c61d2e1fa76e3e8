import { AppError, type Account, type ChangePasswordBody, type LoginBody } from '../../protocol/index.ts';
import { burnVerification, hashPassword, verifyPassword } from './password.ts';
import type { Principal } from './principal.ts';
import { randomSecret, sha256 } from './secrets.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import type { AccountCredentials } from './accounts.port.ts';

/** A session lasts one working day and its overtime; then the officer logs in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

const publicAccount = ({ passwordHash: _hidden, ...account }: AccountCredentials): Account => account;

const invalidCredentials = () => new AppError('auth.invalid_credentials', 'Wrong username or password.');

export interface LoggedIn {
  /** The random id for the cookie; only its hash is stored. */
  sessionId: string;
  account: Account;
  expiresAt: Date;
}

/** Checks the password and opens a session. The same answer, in about the same time, for a wrong name or password. */
export async function login(deps: Deps, body: LoginBody): Promise<LoggedIn> {
  const account = await deps.store.findAccountByUsername(body.username);
  if (!account?.passwordHash || !account.active) {
    await burnVerification(body.password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(body.password, account.passwordHash))) throw invalidCredentials();
  const sessionId = randomSecret(32);
  const now = deps.clock.now().getTime();
  const expiresAtMs = now + SESSION_TTL_MS;
  await deps.store.insertSession({
    idHash: sha256(sessionId),
    centreId: account.centreId,
    staffId: account.staffId,
    createdAtMs: now,
    expiresAtMs,
    revokedAtMs: null,
  });
  return { sessionId, account: publicAccount(account), expiresAt: new Date(expiresAtMs) };
}

export interface ResolvedSession {
  principal: StaffPrincipal;
  account: Account;
  expiresAt: Date;
}

/**
 * The officer behind a session id, or null when it is unknown, revoked, expired, or the account
 * was switched off. The role is read from the account each time, so a change applies at once.
 */
export async function resolveSession(deps: Deps, sessionId: string): Promise<ResolvedSession | null> {
  const idHash = sha256(sessionId);
  const session = await deps.store.getSession(idHash);
  if (!session || session.revokedAtMs !== null || session.expiresAtMs <= deps.clock.now().getTime()) return null;
  const account = await deps.store.getAccount(session.centreId, session.staffId);
  if (!account?.active) return null;
  return {
    principal: { kind: 'staff', centreId: account.centreId, staffId: account.staffId, role: account.role, sessionId: idHash },
    account: publicAccount(account),
    expiresAt: new Date(session.expiresAtMs),
  };
}

export async function logout(deps: Deps, principal: StaffPrincipal): Promise<void> {
  await deps.store.revokeSession(principal.sessionId, deps.clock.now().getTime());
}

/**
 * Needs the current password (a console left logged in must not let a passer-by lock the officer
 * out), clears a must-change flag, and ends every other session of the account.
 */
export async function changePassword(deps: Deps, principal: StaffPrincipal, body: ChangePasswordBody): Promise<Account> {
  const account = await deps.store.getAccount(principal.centreId, principal.staffId);
  if (!account?.passwordHash || !(await verifyPassword(body.oldPassword, account.passwordHash))) {
    throw new AppError('auth.invalid_credentials', 'The current password is wrong.');
  }
  if (body.newPassword === body.oldPassword) {
    throw new AppError('request.invalid_payload', 'newPassword: must differ from the current password');
  }
  const hash = await hashPassword(body.newPassword);
  const now = deps.clock.now().getTime();
  await deps.store.runInTx({ centreId: principal.centreId }, async (tx) => {
    await tx.setPassword(principal.centreId, principal.staffId, hash, false);
    await tx.revokeSessionsOf(principal.centreId, principal.staffId, now, principal.sessionId);
  });
  return { ...publicAccount(account), mustChangePassword: false };
}

/** The accounts of a centre, without secrets. */
export async function listStaffAccounts(deps: Deps, centreId: string): Promise<Account[]> {
  await requireCentre(deps.store, centreId);
  return deps.store.listAccounts(centreId);
}
