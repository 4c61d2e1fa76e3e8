import { describe, expect, it } from 'vitest';
import { CreateCentreBodySchema, UpdateCentreBodySchema, type Centre } from '../../protocol/index.ts';
import { centreFormOf, centreHints, centreIdOf, createCentreBody, newCentreForm, updateCentreBody } from '../../admin/centre-form.ts';
import { rolesFor } from '../../admin/staff-form.ts';

const tinh: Centre = { id: 'tinh', name: { vi: 'Trung tâm tỉnh', en: 'Province centre' }, timeZone: 'Asia/Ho_Chi_Minh', address: '1 Lê Duẩn' };
const demo: Centre = { id: 'demo', name: { vi: 'Trung tâm xã An Phú', en: 'An Phu Centre' }, timeZone: 'Asia/Bangkok' };

describe('centre form (issue #13)', () => {
  it('starts a new centre as a copy of the admin’s own centre, in its time zone', () => {
    expect(newCentreForm([demo, tinh], 'tinh')).toEqual({
      id: '',
      nameVi: '',
      nameEn: '',
      address: '',
      timeZone: 'Asia/Ho_Chi_Minh',
      templateCentreId: 'tinh',
    });
    expect(newCentreForm([demo, tinh], 'elsewhere').templateCentreId).toBe('demo');
    expect(newCentreForm([], null)).toMatchObject({ templateCentreId: '', timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('makes a centre id from the Vietnamese name', () => {
    expect(centreIdOf('Trung tâm Phục vụ hành chính công xã Tân Hòa')).toBe('trung-tam-phuc-vu-hanh-chinh-cong-xa-tan-hoa');
    expect(centreIdOf('Đồng Xoài')).toBe('dong-xoai');
    expect(centreIdOf(`${'a'.repeat(47)} b`)).toBe('a'.repeat(47));
  });

  it('turns the form into bodies the API schemas accept, trimmed', () => {
    const form = { ...newCentreForm([tinh], 'tinh'), id: ' xa-tan-hoa ', nameVi: ' Xã Tân Hòa ', nameEn: 'Tan Hoa', address: ' Ấp 3 ' };
    const body = createCentreBody(form);
    expect(body).toEqual({
      id: 'xa-tan-hoa',
      name: { vi: 'Xã Tân Hòa', en: 'Tan Hoa' },
      address: 'Ấp 3',
      timeZone: 'Asia/Ho_Chi_Minh',
      templateCentreId: 'tinh',
    });
    expect(CreateCentreBodySchema.safeParse(body).success).toBe(true);
    const edit = updateCentreBody(centreFormOf(tinh));
    expect(edit).toEqual({ name: tinh.name, address: '1 Lê Duẩn', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(UpdateCentreBodySchema.safeParse(edit).success).toBe(true);
    expect(updateCentreBody(centreFormOf(demo)).address).toBe('');
  });

  it('hints what the server would refuse, field by field', () => {
    const bad = { id: 'Tinh Moi', nameVi: '', nameEn: 'x', address: 'x'.repeat(301), timeZone: 'Asia/Atlantis', templateCentreId: 'nowhere' };
    expect(centreHints(bad, true, [tinh, demo]).map((h) => [h.field, h.key])).toEqual([
      ['id', 'admin.hint.centreId'],
      ['name.vi', 'admin.hint.required'],
      ['address', 'admin.hint.range'],
      ['timeZone', 'admin.hint.timeZone'],
      ['templateCentreId', 'admin.hint.template'],
    ]);
    const taken = { ...newCentreForm([tinh], 'tinh'), id: 'tinh', nameVi: 'A', nameEn: 'B' };
    expect(centreHints(taken, true, [tinh]).map((h) => h.key)).toEqual(['admin.hint.idTaken']);
    // Editing: the id and template are not sent, so they are not checked.
    expect(centreHints({ ...centreFormOf(tinh), id: 'Anything' }, false, [tinh])).toEqual([]);
    for (const timeZone of ['UTC', 'Asia/Ho_Chi_Minh', 'Etc/GMT-7'])
      expect(centreHints({ ...centreFormOf(tinh), timeZone }, false, [tinh]), timeZone).toEqual([]);
    for (const timeZone of ['', '+07:00', 'GMT+7', 'Asia/Ho Chi Minh'])
      expect(centreHints({ ...centreFormOf(tinh), timeZone }, false, [tinh]).length, timeZone).toBe(1);
  });
});

describe('roles offered in the staff section (issue #13)', () => {
  it('lets only a province administrator give province roles, and always shows an account’s own role', () => {
    expect(rolesFor('admin')).toEqual(['staff', 'manager', 'admin']);
    expect(rolesFor('province_admin')).toEqual(['staff', 'manager', 'admin', 'province_manager', 'province_admin']);
    expect(rolesFor('admin', 'province_admin')).toEqual(['staff', 'manager', 'admin', 'province_admin']);
    expect(rolesFor(null, 'manager')).toEqual(['staff', 'manager', 'admin']);
  });
});
