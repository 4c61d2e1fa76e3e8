import type { Store } from '../kernel/store.port.ts';
import type { Role } from './principal.ts';
import { isProvinceRole } from './permissions.ts';

export type ProvinceRoleGrant =
  { ok: true; centreId: string; staffId: string; previous: Role } | { ok: false; problem: 'unknown-account' | 'not-a-province-role' };

/**
 * Gives an existing account a province role (or takes it back to `admin` with `role: 'admin'`),
 * from the server machine: `npm run account:province` (scripts/province-role.ts). Through the
 * API only a province administrator gives a province role (staff.models.ts), so this is how a
 * province whose last province administrator left, or a centre joining with its own accounts,
 * gets one. The account's sessions end, so the new role applies at its next login.
 */
export async function grantProvinceRole(deps: { store: Store; now: () => number }, request: { username: string; role: Role }): Promise<ProvinceRoleGrant> {
  if (!isProvinceRole(request.role) && request.role !== 'admin') return { ok: false, problem: 'not-a-province-role' };
  const found = await deps.store.findAccountByUsername(request.username);
  if (!found) return { ok: false, problem: 'unknown-account' };
  const { centreId, staffId } = found;
  return deps.store.runInTx({ centreId }, async (tx) => {
    const account = await tx.getAccount(centreId, staffId);
    if (!account) return { ok: false, problem: 'unknown-account' } as const;
    await tx.setAccount(centreId, staffId, {
      username: account.username,
      passwordHash: account.passwordHash,
      role: request.role,
      active: account.active,
      mustChangePassword: account.mustChangePassword,
    });
    await tx.revokeSessionsOf(centreId, staffId, deps.now());
    return { ok: true, centreId, staffId, previous: account.role } as const;
  });
}
