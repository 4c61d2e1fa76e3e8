import type { Centre } from '../../protocol/index.ts';
import { hashPassword, randomPassword } from './password.ts';
import { sha256 } from './secrets.ts';
import { DEMO_CENTRE_ID } from '../demo/demo-centre.ts';
import { DEMO_DEVICE_SECRET, DEMO_PASSWORD, demoAccounts, demoAdminStaff, demoDevices } from '../demo/demo-accounts.ts';
import type { Clock } from '../kernel/ports.ts';
import type { Role } from './principal.ts';
import { installCentre } from '../centres/setup.usecases.ts';
import type { Store } from '../kernel/store.port.ts';

/** Made outside demo mode on a store with no centre, so the first admin has one to configure. */
export const DEFAULT_CENTRE: Centre = {
  id: 'main',
  name: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administrative Service Centre' },
  timeZone: 'Asia/Ho_Chi_Minh',
};

export const FIRST_ADMIN_USERNAME = 'admin';

export interface AccountsSetup {
  defaultCentreCreated: boolean;
  demoAccountsCreated: boolean;
  /**
   * The admin made on a store with no account (outside demo). `oneTimePassword` is set when it
   * was generated: print it once; the account must change it at its first login.
   */
  firstAdmin: { centreId: string; username: string; oneTimePassword: string | null; role: Role } | null;
}

/**
 * First start rules. In demo mode (with the demo centre present) and no account anywhere: the
 * documented demo accounts and device tokens. Otherwise, no centre: a default centre `main`;
 * no account: `admin`, with ADMIN_PASSWORD or a random one-time password — a centre administrator
 * on the embedded store, the province administrator on a PostgreSQL one (`province`).
 */
export async function ensureAccounts(
  deps: { store: Store; clock: Clock },
  options: { demo: boolean; adminPassword?: string; province?: boolean },
): Promise<AccountsSetup> {
  const { store } = deps;
  const result: AccountsSetup = { defaultCentreCreated: false, demoAccountsCreated: false, firstAdmin: null };
  if (options.demo && (await store.getCentre(DEMO_CENTRE_ID))) {
    if ((await store.countAccounts()) === 0) {
      await installDemoAccounts(deps);
      result.demoAccountsCreated = true;
    }
    return result;
  }

  let centres = await store.listCentres();
  if (centres.length === 0) {
    await installCentre(store, { centre: DEFAULT_CENTRE, services: [], counters: [], staff: [] });
    result.defaultCentreCreated = true;
    centres = [DEFAULT_CENTRE];
  }
  if ((await store.countAccounts()) > 0) return result;

  const centreId = centres[0]!.id;
  const oneTimePassword = options.adminPassword ? null : randomPassword();
  const hash = await hashPassword(options.adminPassword ?? oneTimePassword!);
  // Several instances starting together on one new database: the first to take the centre's lock
  // makes the account; the others find it and say nothing (their password would not be the one kept).
  const made = await store.runInTx({ centreId }, async (tx) => {
    if (await tx.getAccount(centreId, FIRST_ADMIN_USERNAME)) return false;
    const exists = (await tx.listStaff(centreId)).some((s) => s.id === FIRST_ADMIN_USERNAME);
    if (!exists) await tx.upsertStaff({ id: FIRST_ADMIN_USERNAME, centreId, name: options.province ? 'Quản trị viên tỉnh' : 'Quản trị viên' });
    await tx.setAccount(centreId, FIRST_ADMIN_USERNAME, {
      username: FIRST_ADMIN_USERNAME,
      passwordHash: hash,
      // A PostgreSQL store is a province's (issue #13): its first account administers the province,
      // so it can make the other centres and their administrators through the API.
      role: options.province ? 'province_admin' : 'admin',
      active: true,
      mustChangePassword: oneTimePassword !== null,
    });
    return true;
  });
  if (made) result.firstAdmin = { centreId, username: FIRST_ADMIN_USERNAME, oneTimePassword, role: options.province ? 'province_admin' : 'admin' };
  return result;
}

async function installDemoAccounts(deps: { store: Store; clock: Clock }): Promise<void> {
  // One hash for the five accounts: the password is public anyway, and a demo start should not
  // spend five scrypt runs.
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now().getTime();
  await deps.store.runInTx({ centreId: DEMO_CENTRE_ID }, async (tx) => {
    const staff = new Set((await tx.listStaff(DEMO_CENTRE_ID)).map((s) => s.id));
    if (!staff.has(demoAdminStaff.id)) await tx.upsertStaff(demoAdminStaff);
    for (const a of demoAccounts) {
      await tx.setAccount(DEMO_CENTRE_ID, a.staffId, {
        username: a.staffId,
        passwordHash: hash,
        role: a.role,
        active: true,
        mustChangePassword: false,
      });
    }
    for (const d of demoDevices) {
      if (await tx.getDeviceToken(d.id)) continue;
      await tx.insertDeviceToken({
        ...d,
        centreId: DEMO_CENTRE_ID,
        secretHash: sha256(DEMO_DEVICE_SECRET),
        createdAtMs: now,
        createdBy: null,
        revokedAtMs: null,
        lastSeenAtMs: null,
      });
    }
  });
}
