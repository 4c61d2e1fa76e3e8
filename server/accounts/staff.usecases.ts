import { AppError, type Account, type CreateStaffBody, type StaffWithPassword, type UpdateStaffBody } from '../../protocol/index.ts';
import { hashPassword, randomPassword } from './password.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps, StaffActor } from '../kernel/ports.ts';
import { provinceRoleProblem, selfChangeProblem, staffIdFor } from './staff.models.ts';
import type { AccountCredentials } from './accounts.port.ts';
import type { StoreWriteTx } from '../kernel/store.port.ts';

/**
 * Staff accounts edited by an admin: create, rename, change role, disable, reset a password.
 * Passwords handed out here are one-time: the account must choose its own at the next login.
 * Each change is one write transaction; a refused one changes nothing.
 */

/**
 * The admin making a change. `centreId` is their home centre: a province admin edits accounts of
 * other centres (issue #13), where an account with the same staff id is not them. Left out: the
 * centre being edited.
 */
export type AccountActor = StaffActor & { centreId?: string };

const isSelf = (actor: AccountActor, centreId: string, staffId: string) => actor.staffId === staffId && (actor.centreId ?? centreId) === centreId;

function refuseProvinceRole(actor: AccountActor, roles: readonly (Account['role'] | undefined)[]): void {
  const problem = provinceRoleProblem(actor.role, roles);
  if (problem) throw new AppError('auth.forbidden', problem);
}

const publicAccount = ({ passwordHash: _hidden, ...account }: AccountCredentials): Account => account;

async function requireAccount(tx: StoreWriteTx, centreId: string, staffId: string): Promise<AccountCredentials> {
  const account = await tx.getAccount(centreId, staffId);
  if (!account) throw new AppError('staff.not_found', `No staff account "${staffId}" in centre "${centreId}".`);
  return account;
}

export async function createStaff(deps: Deps, centreId: string, body: CreateStaffBody, actor: AccountActor): Promise<StaffWithPassword> {
  refuseProvinceRole(actor, [body.role]);
  await requireCentre(deps.store, centreId);
  const oneTimePassword = body.password === undefined ? randomPassword() : null;
  const mustChangePassword = oneTimePassword !== null || body.mustChangePassword;
  const hash = await hashPassword(body.password ?? oneTimePassword!);
  const account = await deps.store.runInTx({ centreId }, async (tx) => {
    // Usernames are unique across the deployment (a login names no centre); the unique index
    // backs this check, made under the write lock so two admins cannot both take a name.
    if (await tx.findAccountByUsername(body.username)) {
      throw new AppError('staff.username_taken', `The username "${body.username}" is taken.`);
    }
    const staffId = staffIdFor(body.username, new Set((await tx.listStaff(centreId)).map((s) => s.id)));
    await tx.upsertStaff({ id: staffId, centreId, name: body.name });
    await tx.setAccount(centreId, staffId, { username: body.username, passwordHash: hash, role: body.role, active: true, mustChangePassword });
    return requireAccount(tx, centreId, staffId);
  });
  return { account: publicAccount(account), oneTimePassword };
}

/**
 * Renames, changes the role of, disables or re-enables an account. The role is read on every
 * request, so a change applies at once. Disabling also revokes the account's sessions; a counter
 * the officer holds stays open until an admin force-closes it (docs/admin.md).
 */
export async function updateStaff(deps: Deps, actor: AccountActor, centreId: string, staffId: string, body: UpdateStaffBody): Promise<Account> {
  await requireCentre(deps.store, centreId);
  const problem = isSelf(actor, centreId, staffId) ? selfChangeProblem(actor.staffId, staffId, body, actor.role) : null;
  const now = deps.clock.now().getTime();
  const account = await deps.store.runInTx({ centreId }, async (tx) => {
    const current = await requireAccount(tx, centreId, staffId);
    refuseProvinceRole(actor, [current.role, body.role]);
    if (problem) throw new AppError('staff.cannot_change_self', problem);
    if (body.name !== undefined && body.name !== current.name) await tx.upsertStaff({ id: staffId, centreId, name: body.name });
    const { username, passwordHash, mustChangePassword } = current;
    const role = body.role ?? current.role;
    const active = body.active ?? current.active;
    await tx.setAccount(centreId, staffId, { username, passwordHash, role, active, mustChangePassword });
    if (!active) await tx.revokeSessionsOf(centreId, staffId, now);
    return requireAccount(tx, centreId, staffId);
  });
  return publicAccount(account);
}

/**
 * A new one-time password for an account that lost its own: answered once, to be changed at the
 * next login; every session of the account ends. An admin changes their own password with
 * changePassword instead (resetting it here would end the session they are using).
 */
export async function resetStaffPassword(deps: Deps, actor: AccountActor, centreId: string, staffId: string): Promise<StaffWithPassword> {
  await requireCentre(deps.store, centreId);
  const oneTimePassword = randomPassword();
  const hash = await hashPassword(oneTimePassword);
  const now = deps.clock.now().getTime();
  const account = await deps.store.runInTx({ centreId }, async (tx) => {
    refuseProvinceRole(actor, [(await requireAccount(tx, centreId, staffId)).role]);
    if (isSelf(actor, centreId, staffId)) {
      throw new AppError('staff.cannot_change_self', 'Change your own password with your current one (changePassword).');
    }
    await tx.setPassword(centreId, staffId, hash, true);
    await tx.revokeSessionsOf(centreId, staffId, now);
    return requireAccount(tx, centreId, staffId);
  });
  return { account: publicAccount(account), oneTimePassword };
}
