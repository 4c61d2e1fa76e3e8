import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../protocol/index.ts';
import { login, resolveSession } from '../../../server/accounts/accounts.usecases.ts';
import { hashPassword, verifyPassword } from '../../../server/accounts/password.ts';
import { createStaff, resetStaffPassword, updateStaff } from '../../../server/accounts/staff.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/** The demo-less store: an admin `boss` and the officer `lan` in HCM, the manager `ha` in HN. */
let deps: TestDeps;
const ADMIN = { staffId: 'boss', role: 'admin' } as const;
const PASSWORD = 'mat-khau-cu';

beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
  const hash = await hashPassword(PASSWORD);
  await deps.store.runInTx({ centreId: HCM }, async (tx) => {
    await tx.upsertStaff({ id: 'boss', centreId: HCM, name: 'Quản trị viên' });
    const account = { passwordHash: hash, active: true, mustChangePassword: false };
    await tx.setAccount(HCM, 'boss', { ...account, username: 'boss', role: 'admin' });
    await tx.setAccount(HCM, 'lan', { ...account, username: 'lan', role: 'staff' });
    await tx.setAccount(HN, 'ha', { ...account, username: 'ha', role: 'manager' });
  });
});
afterEach(() => deps.store.close());

/** Every account of both centres with its hash, every staff row, and whether the sessions still resolve. */
async function state(sessionIds: string[] = []) {
  const accounts = [];
  for (const centreId of [HCM, HN]) {
    for (const a of await deps.store.listAccounts(centreId)) accounts.push(await deps.store.getAccount(centreId, a.staffId));
  }
  const staff = [...(await deps.store.listStaff(HCM)), ...(await deps.store.listStaff(HN))];
  const sessions = await Promise.all(sessionIds.map(async (id) => (await resolveSession(deps, id)) !== null));
  return { accounts, staff, sessions };
}

/** Refused with `code`, and nothing changed: accounts, staff rows and live sessions. */
async function expectRejected(run: () => Promise<unknown>, code: ErrorCode, sessionIds: string[] = []) {
  const before = await state(sessionIds);
  await expect(run()).rejects.toMatchObject({ code });
  expect(await state(sessionIds)).toEqual(before);
}

describe('createStaff', () => {
  it('makes an account with a one-time password, answered once and to be changed at first login', async () => {
    const created = await createStaff(deps, HCM, { username: 'nguyen.van.a', name: 'Nguyễn Văn A', role: 'staff', mustChangePassword: true }, ADMIN);
    expect(created.account).toEqual({
      centreId: HCM,
      staffId: 'nguyen-van-a',
      name: 'Nguyễn Văn A',
      username: 'nguyen.van.a',
      role: 'staff',
      active: true,
      mustChangePassword: true,
    });
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await deps.store.getAccount(HCM, 'nguyen-van-a');
    expect(stored!.passwordHash).not.toContain(created.oneTimePassword);
    expect(await verifyPassword(created.oneTimePassword!, stored!.passwordHash!)).toBe(true);
    const session = await login(deps, { username: 'nguyen.van.a', password: created.oneTimePassword! });
    expect(session.account.mustChangePassword).toBe(true);
  });

  it('takes a chosen password, still to be changed unless the admin says otherwise', async () => {
    const a = await createStaff(deps, HCM, { username: 'b', name: 'B', role: 'manager', password: 'chosen-123', mustChangePassword: true }, ADMIN);
    expect(a).toMatchObject({ oneTimePassword: null, account: { role: 'manager', mustChangePassword: true } });
    const c = await createStaff(deps, HCM, { username: 'c', name: 'C', role: 'admin', password: 'chosen-123', mustChangePassword: false }, ADMIN);
    expect(c.account.mustChangePassword).toBe(false);
    expect((await login(deps, { username: 'c', password: 'chosen-123' })).account.role).toBe('admin');
  });

  it('gives a staff row without an account a new id rather than taking it over', async () => {
    // `hung` is a staff row of HCM with no account (no username).
    const created = await createStaff(deps, HCM, { username: 'hung', name: 'Another Hùng', role: 'staff', mustChangePassword: true }, ADMIN);
    expect(created.account.staffId).toBe('hung-2');
    expect((await deps.store.listStaff(HCM)).find((s) => s.id === 'hung')!.name).toBe('Trần Văn Hùng');
  });

  it('refuses a username taken in this centre or in another one, and changes nothing', async () => {
    await expectRejected(() => createStaff(deps, HCM, { username: 'lan', name: 'X', role: 'staff', mustChangePassword: true }, ADMIN), 'staff.username_taken');
    await expectRejected(() => createStaff(deps, HCM, { username: 'ha', name: 'X', role: 'staff', mustChangePassword: true }, ADMIN), 'staff.username_taken');
  });

  it('refuses an unknown centre', async () => {
    await expectRejected(() => createStaff(deps, 'nowhere', { username: 'x', name: 'X', role: 'staff', mustChangePassword: true }, ADMIN), 'centre.not_found');
  });
});

describe('updateStaff', () => {
  it('renames and changes the role; the role applies to the next request of a live session', async () => {
    const { sessionId } = await login(deps, { username: 'lan', password: PASSWORD });
    const updated = await updateStaff(deps, ADMIN, HCM, 'lan', { name: 'Nguyễn Thị Lan (Tổ trưởng)', role: 'manager' });
    expect(updated).toMatchObject({ name: 'Nguyễn Thị Lan (Tổ trưởng)', role: 'manager', active: true });
    expect((await resolveSession(deps, sessionId))!.principal).toMatchObject({ role: 'manager' });
  });

  it('disabling revokes every session; re-enabling lets the officer log in again', async () => {
    const one = await login(deps, { username: 'lan', password: PASSWORD });
    const two = await login(deps, { username: 'lan', password: PASSWORD });
    expect((await updateStaff(deps, ADMIN, HCM, 'lan', { active: false })).active).toBe(false);
    expect(await resolveSession(deps, one.sessionId)).toBeNull();
    expect(await resolveSession(deps, two.sessionId)).toBeNull();
    await expect(login(deps, { username: 'lan', password: PASSWORD })).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    await updateStaff(deps, ADMIN, HCM, 'lan', { active: true });
    // The old sessions stay ended; a new login works.
    expect(await resolveSession(deps, one.sessionId)).toBeNull();
    expect((await login(deps, { username: 'lan', password: PASSWORD })).account.active).toBe(true);
  });

  it('lets an admin rename themselves but not demote or disable themselves; nothing changes', async () => {
    const { sessionId } = await login(deps, { username: 'boss', password: PASSWORD });
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'boss', { role: 'manager' }), 'staff.cannot_change_self', [sessionId]);
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'boss', { active: false }), 'staff.cannot_change_self', [sessionId]);
    // A refused change is refused whole: the name in the same request is not saved either.
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'boss', { name: 'Sếp', active: false }), 'staff.cannot_change_self', [sessionId]);
    expect((await updateStaff(deps, ADMIN, HCM, 'boss', { name: 'Sếp', role: 'admin', active: true })).name).toBe('Sếp');
  });

  it('refuses an unknown account, a staff row without one, and an account of another centre', async () => {
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'ghost', { name: 'X' }), 'staff.not_found');
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'hung', { name: 'X' }), 'staff.not_found');
    await expectRejected(() => updateStaff(deps, ADMIN, HCM, 'ha', { active: false }), 'staff.not_found');
  });
});

describe('resetStaffPassword', () => {
  it('answers a new one-time password once, ends every session, and the old password stops working', async () => {
    const { sessionId } = await login(deps, { username: 'lan', password: PASSWORD });
    const reset = await resetStaffPassword(deps, ADMIN, HCM, 'lan');
    expect(reset.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(reset.account).toMatchObject({ staffId: 'lan', mustChangePassword: true });
    expect(await resolveSession(deps, sessionId)).toBeNull();
    await expect(login(deps, { username: 'lan', password: PASSWORD })).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    expect((await login(deps, { username: 'lan', password: reset.oneTimePassword! })).account.mustChangePassword).toBe(true);
  });

  it("refuses the admin's own account (changePassword is for that), an unknown one and another centre's", async () => {
    const { sessionId } = await login(deps, { username: 'boss', password: PASSWORD });
    await expectRejected(() => resetStaffPassword(deps, ADMIN, HCM, 'boss'), 'staff.cannot_change_self', [sessionId]);
    await expectRejected(() => resetStaffPassword(deps, ADMIN, HCM, 'ghost'), 'staff.not_found', [sessionId]);
    await expectRejected(() => resetStaffPassword(deps, ADMIN, HCM, 'ha'), 'staff.not_found', [sessionId]);
  });
});
