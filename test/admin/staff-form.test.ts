import { describe, expect, it } from 'vitest';
import { CreateStaffBodySchema, type Account } from '../../protocol/index.ts';
import { createStaffBody, newStaffForm, newStaffHints, staffEditHints, staffEditOf, updateStaffBody } from '../../admin/staff-form.ts';

const lan: Account = { centreId: 'demo', staffId: 'lan', name: 'Nguyễn Thị Lan', username: 'lan', role: 'staff', active: true, mustChangePassword: false };
const admin: Account = { ...lan, staffId: 'admin', name: 'Quản trị viên', username: 'admin', role: 'admin' };

describe('staff forms', () => {
  it('asks for a one-time password when no password is typed', () => {
    const body = createStaffBody({ ...newStaffForm(), username: ' Mai.Pham ', name: ' Phạm Thị Mai ' });
    expect(body).toEqual({ username: 'mai.pham', name: 'Phạm Thị Mai', role: 'staff' });
    expect(CreateStaffBodySchema.safeParse(body).success).toBe(true);
    expect(createStaffBody({ ...newStaffForm(), username: 'b', name: 'B', password: 'mat-khau-dai' })).toMatchObject({ password: 'mat-khau-dai' });
  });

  it('hints a bad or taken username, a missing name and a short password', () => {
    const bad = { ...newStaffForm(), username: 'có dấu', password: 'short' };
    expect(newStaffHints(bad, [lan]).map((h) => [h.field, h.key])).toEqual([
      ['username', 'admin.hint.username'],
      ['name', 'admin.hint.required'],
      ['password', 'password.tooShort'],
    ]);
    expect(newStaffHints({ ...newStaffForm(), username: 'LAN', name: 'X' }, [lan]).map((h) => h.key)).toEqual(['admin.hint.usernameTaken']);
    expect(newStaffHints({ ...newStaffForm(), username: 'x', name: 'X' }, [lan])).toEqual([]);
  });

  it('sends only what changed, and nothing when nothing did', () => {
    expect(updateStaffBody(lan, staffEditOf(lan))).toBeNull();
    expect(updateStaffBody(lan, { ...staffEditOf(lan), role: 'manager', name: ' Nguyễn Thị Lan ' })).toEqual({ role: 'manager' });
    expect(updateStaffBody(lan, { ...staffEditOf(lan), active: false })).toEqual({ active: false });
  });

  it('refuses early what the server refuses: demoting or disabling oneself, an empty name', () => {
    expect(staffEditHints(admin, { ...staffEditOf(admin), role: 'manager' }, 'admin').map((h) => h.key)).toEqual(['error.staff.cannot_change_self']);
    expect(staffEditHints(admin, { ...staffEditOf(admin), active: false }, 'admin')).toHaveLength(1);
    expect(staffEditHints(admin, { ...staffEditOf(admin), name: 'Sếp' }, 'admin')).toEqual([]);
    expect(staffEditHints(lan, { ...staffEditOf(lan), role: 'admin', active: false }, 'admin')).toEqual([]);
    expect(staffEditHints(lan, { ...staffEditOf(lan), name: ' ' }, 'admin').map((h) => h.key)).toEqual(['admin.hint.required']);
  });
});
