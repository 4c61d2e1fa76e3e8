import { describe, expect, it } from 'vitest';
import { DossierCodeSchema, maskCitizenName, maskDossierCode } from '../../../protocol/index.ts';
import { applyUpsert, decideReturn, duplicateCodes, markReturned, refsProblem, returnQueue, returnRefusal } from '../../../server/dossiers/dossiers.models.ts';
import type { DossierRecord } from '../../../server/dossiers/dossiers.port.ts';

const T0 = Date.parse('2026-12-03T02:00:00Z');
const dossier = (over: Partial<DossierRecord> = {}): DossierRecord => ({
  centreId: 'demo',
  code: 'H12.34-240101-0123',
  serviceId: 'dat-dai',
  state: 'ready',
  dueDate: '2026-12-03',
  returnCounterId: null,
  returnServiceId: null,
  citizenName: null,
  createdAtMs: T0,
  updatedAtMs: T0,
  returnedAtMs: null,
  returnedBy: null,
  ...over,
});
const refs = {
  services: [
    { id: 'dat-dai', active: true },
    { id: 'tra-ket-qua', active: true },
    { id: 'cu', active: false },
  ],
  counters: [
    { id: 'quay-6', active: true, serviceIds: ['tra-ket-qua', 'dat-dai'] },
    { id: 'quay-9', active: false, serviceIds: ['tra-ket-qua'] },
    { id: 'quay-7', active: true, serviceIds: ['cu', 'dat-dai'] },
  ],
};

describe('maskDossierCode (public screens)', () => {
  it.each([
    ['H12.34-240101-0123', 'H12.34-****-0123'],
    ['000.00.12.H12-241203-000123', '000.00.12.H12-****-0123'],
    ['H12.34-2401010123', 'H12.34-****0123'],
    ['HS2024120300123', '****0123'],
    ['AB1234', '****34'],
  ])('%s → %s', (code, masked) => expect(maskDossierCode(code)).toBe(masked));

  it('never shows the middle (date) part of a dotted-dashed code', () => {
    expect(maskDossierCode('H12.34-241203-0123')).not.toContain('241203');
  });
});

describe('maskCitizenName', () => {
  it('keeps initials and the given name', () => {
    expect(maskCitizenName('Nguyễn Văn An')).toBe('N. V. An');
    expect(maskCitizenName('  Đặng   thị Ánh ')).toBe('Đ. T. Ánh');
    expect(maskCitizenName('Lan')).toBe('L.');
  });
});

describe('DossierCodeSchema', () => {
  it('trims and upper-cases what a scanner or keypad gives', () => {
    expect(DossierCodeSchema.parse(' h12.34-240101-0123 ')).toBe('H12.34-240101-0123');
  });
  it('refuses spaces, slashes and too short codes', () => {
    for (const bad of ['H12 34', 'A/B/C', 'AB', '-ABC']) expect(DossierCodeSchema.safeParse(bad).success).toBe(false);
  });
});

describe('applyUpsert (what the dossier system may change)', () => {
  it('creates, then replaces every field and keeps the creation time', () => {
    const created = applyUpsert(null, { code: 'X-1-2', state: 'received' }, 'demo', T0) as DossierRecord;
    expect(created).toMatchObject({ state: 'received', serviceId: null, createdAtMs: T0, returnedAtMs: null });
    const later = applyUpsert(created, { code: 'X-1-2', state: 'ready', returnCounterId: 'quay-6', dueDate: '2026-12-05' }, 'demo', T0 + 1000) as DossierRecord;
    expect(later).toMatchObject({ state: 'ready', returnCounterId: 'quay-6', dueDate: '2026-12-05', createdAtMs: T0, updatedAtMs: T0 + 1000 });
  });
  it('never reopens a returned dossier, but accepts returned again', () => {
    const returned = dossier({ state: 'returned', returnedAtMs: T0, returnedBy: 'lan' });
    expect(applyUpsert(returned, { code: returned.code, state: 'ready' }, 'demo', T0 + 1)).toHaveProperty('problem');
    expect(applyUpsert(returned, { code: returned.code, state: 'returned' }, 'demo', T0 + 1)).toMatchObject({ returnedAtMs: T0, returnedBy: 'lan' });
  });
  it('a dossier the system itself marks returned (by post) records when', () => {
    expect(applyUpsert(dossier(), { code: 'H12.34-240101-0123', state: 'returned' }, 'demo', T0 + 5)).toMatchObject({ returnedAtMs: T0 + 5, returnedBy: null });
  });
  it('names unknown services and counters', () => {
    expect(refsProblem({ serviceId: 'nope' }, refs)).toMatch(/nope/);
    expect(refsProblem({ returnCounterId: 'quay-99' }, refs)).toMatch(/quay-99/);
    expect(refsProblem({ serviceId: 'dat-dai', returnCounterId: 'quay-6', returnServiceId: 'tra-ket-qua' }, refs)).toBeNull();
  });
  it('finds codes given twice', () => {
    expect(duplicateCodes([{ code: 'A' }, { code: 'B' }, { code: 'A' }])).toEqual(['A']);
  });
});

describe('decideReturn (which codes get a ticket)', () => {
  it('ready → a ticket; received and in progress → not ready; returned → already returned', () => {
    expect(decideReturn(dossier(), { unknownDossier: 'refuse' })).toMatchObject({ kind: 'issue', unverified: false });
    expect(decideReturn(dossier({ state: 'received' }), { unknownDossier: 'refuse' }).kind).toBe('not_ready');
    expect(decideReturn(dossier({ state: 'in_progress' }), { unknownDossier: 'issue-flagged' }).kind).toBe('not_ready');
    expect(decideReturn(dossier({ state: 'returned' }), { unknownDossier: 'refuse' }).kind).toBe('already_returned');
  });
  it('unknown: the centre setting decides', () => {
    expect(decideReturn(null, { unknownDossier: 'refuse' })).toEqual({ kind: 'unknown' });
    expect(decideReturn(null, { unknownDossier: 'issue-flagged' })).toEqual({ kind: 'issue', unverified: true });
  });
});

describe('returnQueue (where a return ticket goes)', () => {
  const settings = { dossierReturnServiceId: 'tra-ket-qua' };
  it('a return counter: sent to it, in the return service', () => {
    expect(returnQueue(dossier({ returnCounterId: 'quay-6' }), settings, refs)).toEqual({ serviceId: 'tra-ket-qua', targetCounterId: 'quay-6' });
  });
  it("a counter and no return service anywhere: the counter's first active service", () => {
    expect(returnQueue(dossier({ returnCounterId: 'quay-7' }), { dossierReturnServiceId: null }, refs)).toEqual({
      serviceId: 'dat-dai',
      targetCounterId: 'quay-7',
    });
  });
  it("the dossier's return service wins over the centre's", () => {
    expect(returnQueue(dossier({ returnServiceId: 'dat-dai' }), settings, refs)).toEqual({ serviceId: 'dat-dai', targetCounterId: null });
  });
  it('an inactive counter or service is skipped; nothing left → null', () => {
    expect(returnQueue(dossier({ returnCounterId: 'quay-9' }), settings, refs)).toEqual({ serviceId: 'tra-ket-qua', targetCounterId: null });
    expect(returnQueue(dossier({ returnServiceId: 'cu' }), { dossierReturnServiceId: null }, refs)).toBeNull();
    expect(returnQueue(null, { dossierReturnServiceId: null }, refs)).toBeNull();
  });
});

describe('hand-over (state transitions at the counter)', () => {
  it('only a ready dossier can be returned; it records when and by whom', () => {
    expect(returnRefusal(dossier())).toBeNull();
    expect(returnRefusal(dossier({ state: 'in_progress' }))).toBe('dossier.not_ready');
    expect(returnRefusal(dossier({ state: 'returned' }))).toBe('dossier.already_returned');
    expect(markReturned(dossier(), 'lan', T0 + 9)).toMatchObject({ state: 'returned', returnedAtMs: T0 + 9, returnedBy: 'lan', updatedAtMs: T0 + 9 });
  });
});
