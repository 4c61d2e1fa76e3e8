import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Service, ServiceInput } from '../../../protocol/index.ts';
import { putService } from '../../../server/centres/admin.usecases.ts';
import { demoServices } from '../../../server/demo/demo-centre.ts';
import { numberingConflict } from '../../../server/queue/numbering-conflicts.ts';
import { HCM, hcmCentre, hnCentre } from '../../fixtures/centres.ts';
import { historyCentre } from '../../fixtures/history/history-centre.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/** putService refuses numbers that could collide with another active service's (issue #10). */
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre] });
});
afterEach(() => deps.store.close());

const input = (numbering: Service['numbering'], active = true): ServiceInput => ({ name: { vi: 'Mới', en: 'New' }, numbering, sortOrder: 9, active });

describe('putService numbering', () => {
  it.each([
    ['the same prefix', { mode: 'prefix', prefix: 'A', digits: 3 }],
    ['the same prefix with another width (A100 both ways)', { mode: 'prefix', prefix: 'A', digits: 2 }],
    ['an overlapping band', { mode: 'band', start: 2500, end: 3500 }],
  ] as const)('refuses %s with service.numbering_conflict (409), and stores nothing', async (_, numbering) => {
    await expect(putService(deps, HCM, 'new', input(numbering))).rejects.toMatchObject({ code: 'service.numbering_conflict', status: 409 });
    expect(await deps.store.getService(HCM, 'new')).toBeNull();
  });

  it('refuses editing an existing service into a clash, and A0 with 2 digits beside A with 3', async () => {
    await expect(putService(deps, HCM, 'dat-dai', input({ mode: 'band', start: 5000, end: 5001 }))).rejects.toMatchObject({
      code: 'service.numbering_conflict',
    });
    await expect(putService(deps, HCM, 'x', input({ mode: 'prefix', prefix: 'AB', digits: 3 }))).resolves.toMatchObject({ id: 'x' });
    expect(numberingConflict({ mode: 'prefix', prefix: 'A0', digits: 2 }, 'y', await deps.store.listServices(HCM))?.id).toBe('ho-tich');
  });

  it('accepts a service keeping its own numbers, numbers only an inactive service has, and an inactive clash', async () => {
    await expect(putService(deps, HCM, 'ho-tich', input({ mode: 'prefix', prefix: 'A', digits: 3 }))).resolves.toMatchObject({ id: 'ho-tich' });
    await expect(putService(deps, HCM, 'new', input({ mode: 'prefix', prefix: 'Z', digits: 3 }))).resolves.toMatchObject({ id: 'new' });
    await expect(putService(deps, HCM, 'later', input({ mode: 'band', start: 2001, end: 2002 }, false))).resolves.toMatchObject({ active: false });
    // …but it cannot become active while the clash stands.
    await expect(putService(deps, HCM, 'later', input({ mode: 'band', start: 2001, end: 2002 }))).rejects.toMatchObject({ code: 'service.numbering_conflict' });
  });

  it('finds no clash in the demo centre or the test fixtures', () => {
    for (const services of [demoServices, hcmCentre.services, hnCentre.services, historyCentre.services]) {
      for (const s of services) expect(numberingConflict(s.numbering, s.id, services)).toBeUndefined();
    }
  });
});
