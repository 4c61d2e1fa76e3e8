import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentreSettingsSchema, defaultSettings, SnapshotSchema } from '../../../protocol/index.ts';
import { getSettings, putSettings } from '../../../server/centres/admin.usecases.ts';
import { getSnapshot } from '../../../server/centres/centres.usecases.ts';
import { HCM } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/**
 * Large print and ticket copies as centre settings (issue #15): defaults, validation, and the
 * kiosk's snapshot. Runs on SQLite and, in the `pg` project, PostgreSQL.
 */
let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe('largePrint and ticketCopies settings', () => {
  it('default to normal print and one copy, also for settings saved before they existed', async () => {
    expect(defaultSettings()).toMatchObject({ largePrint: false, ticketCopies: 1 });
    const { largePrint: _l, ticketCopies: _c, ...older } = defaultSettings();
    expect(CentreSettingsSchema.parse(older)).toMatchObject({ largePrint: false, ticketCopies: 1 });
    expect(await getSettings(deps, HCM)).toMatchObject({ largePrint: false, ticketCopies: 1 });
    expect((await getSnapshot(deps, HCM)).largePrint).toBe(false);
  });

  it('are saved, and the kiosk’s snapshot carries large print', async () => {
    const saved = await putSettings(deps, HCM, { ...defaultSettings(), largePrint: true, ticketCopies: 2 });
    expect(saved).toMatchObject({ largePrint: true, ticketCopies: 2 });
    expect(await getSettings(deps, HCM)).toMatchObject({ largePrint: true, ticketCopies: 2 });
    const snapshot = await getSnapshot(deps, HCM);
    expect(snapshot.largePrint).toBe(true);
    expect(SnapshotSchema.parse(snapshot).largePrint).toBe(true);
  });

  it('refuses other values with settings.invalid and changes nothing', async () => {
    for (const bad of [{ ticketCopies: 3 }, { ticketCopies: '2' }, { ticketCopies: 0 }, { largePrint: 'yes' }, { largePrint: null }]) {
      await expect(async () => putSettings(deps, HCM, { ...defaultSettings(), ...bad }), JSON.stringify(bad)).rejects.toMatchObject({
        code: 'settings.invalid',
      });
    }
    expect(await getSettings(deps, HCM)).toMatchObject({ largePrint: false, ticketCopies: 1 });
  });
});
