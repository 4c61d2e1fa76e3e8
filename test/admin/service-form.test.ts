import { describe, expect, it } from 'vitest';
import { ServiceInputSchema, type Service } from '../../protocol/index.ts';
import { newServiceForm, numberingText, serviceBody, serviceFormOf, serviceHints } from '../../admin/service-form.ts';

const hoTich: Service = {
  id: 'ho-tich',
  centreId: 'demo',
  name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' },
  numbering: { mode: 'prefix', prefix: 'A', digits: 3 },
  sortOrder: 1,
  active: true,
};
const band: Service = { ...hoTich, id: 'dat-dai', numbering: { mode: 'band', start: 1001, end: 1999 }, sortOrder: 4 };

describe('service form', () => {
  it('round-trips a service into the putService body', () => {
    for (const s of [hoTich, band]) {
      const { id: _id, centreId: _c, ...input } = s;
      expect(serviceBody(serviceFormOf(s))).toEqual(input);
    }
  });

  it('starts a new service after the others, numbered A001-style', () => {
    expect(newServiceForm([hoTich, band])).toMatchObject({ id: '', mode: 'prefix', digits: '3', sortOrder: '5', active: true });
    expect(newServiceForm([]).sortOrder).toBe('0');
  });

  it('tidies what was typed: trimmed names, upper-case prefix', () => {
    const form = { ...newServiceForm([]), id: 'ho-chieu', nameVi: ' Hộ chiếu ', nameEn: 'Passports', prefix: 'hc', digits: '4' };
    expect(serviceBody(form)).toEqual({
      name: { vi: 'Hộ chiếu', en: 'Passports' },
      numbering: { mode: 'prefix', prefix: 'HC', digits: 4 },
      sortOrder: 0,
      active: true,
    });
  });

  it('hints what the server would refuse, field by field', () => {
    const form = { ...newServiceForm([hoTich]), id: 'ho-tich', nameVi: '', nameEn: 'X', prefix: 'A1', digits: '9' };
    expect(serviceHints(form, true, ['ho-tich']).map((h) => [h.field, h.key])).toEqual([
      ['serviceId', 'admin.hint.idTaken'],
      ['name.vi', 'admin.hint.required'],
      ['numbering.prefix', 'admin.hint.prefix'],
      ['numbering.digits', 'admin.hint.range'],
    ]);
    const reversed = { ...serviceFormOf(band), start: '2000', end: '1000' };
    expect(serviceHints(reversed, false, ['dat-dai']).map((h) => h.key)).toEqual(['admin.hint.bandOrder']);
  });

  it('agrees with the server schema: no hints exactly when the body is valid', () => {
    const base = { ...newServiceForm([]), id: 'x', nameVi: 'Xây dựng', nameEn: 'Construction', prefix: 'E' };
    const variants = [
      base,
      { ...base, prefix: '' },
      { ...base, prefix: 'ABC' },
      { ...base, digits: '0' },
      { ...base, digits: '5' },
      { ...base, sortOrder: '1000' },
      { ...base, sortOrder: '' },
      { ...base, nameEn: '   ' },
      { ...base, mode: 'band' as const, start: '1', end: '999999' },
      { ...base, mode: 'band' as const, start: '10', end: '9' },
      { ...base, mode: 'band' as const, start: '', end: '9' },
    ];
    for (const form of variants) {
      const valid = ServiceInputSchema.safeParse(serviceBody(form)).success;
      expect(serviceHints(form, false, []).length === 0, JSON.stringify(form)).toBe(valid);
    }
  });

  it('shows the numbering of a service in the list', () => {
    expect(numberingText(hoTich)).toBe('A001–A999');
    expect(numberingText(band)).toBe('1001–1999');
  });
});
