import { describe, expect, it } from 'vitest';
import { CentreSettingsSchema, defaultSettings } from '../../protocol/index.ts';
import { renameGroup, settingsBody, settingsFormOf, settingsHints } from '../../admin/settings-form.ts';

describe('settings form', () => {
  it('round-trips the settings, keeping what the form does not edit', () => {
    const settings = defaultSettings();
    expect(settingsBody(settingsFormOf(settings), settings)).toEqual(settings);
    const interleaved = { ...settings, priorityPolicy: { mode: 'interleaved' as const, normalPerPriority: 4 } };
    expect(settingsBody(settingsFormOf(interleaved), interleaved)).toEqual(interleaved);
  });

  it('turns the policy and limits typed into the putSettings body', () => {
    const settings = defaultSettings();
    const form = { ...settingsFormOf(settings), mode: 'interleaved' as const, normalPerPriority: '3', maxRecalls: '0', carryOver: true };
    expect(settingsBody(form, settings)).toMatchObject({ priorityPolicy: { mode: 'interleaved', normalPerPriority: 3 }, maxRecalls: 0, carryOver: true });
  });

  it('edits the rating scale and window, and hints a window out of range', () => {
    const settings = defaultSettings();
    const form = { ...settingsFormOf(settings), ratingScale: 3 as const, ratingWindowSeconds: '90' };
    expect(settingsBody(form, settings)).toMatchObject({ ratingScale: 3, ratingWindowSeconds: 90 });
    expect(settingsHints({ ...form, ratingWindowSeconds: '5' }).map((h) => h.field)).toEqual(['ratingWindowSeconds']);
  });

  it('names a new group from its Vietnamese name until an id is typed; saved ids stay', () => {
    const fresh = renameGroup({ id: '', vi: '', en: '', active: true }, 'Thương binh', true);
    expect(fresh.id).toBe('thuong-binh');
    expect(renameGroup({ ...fresh, id: 'tb' }, 'Thương binh nặng', true).id).toBe('tb');
    expect(renameGroup({ id: 'nguoi-cao-tuoi', vi: 'Người cao tuổi', en: 'Elderly', active: true }, 'Người từ 75 tuổi', false).id).toBe('nguoi-cao-tuoi');
  });

  it('hints limits, duplicate and bad group ids, and missing names', () => {
    const settings = defaultSettings();
    const form = settingsFormOf(settings);
    form.mode = 'interleaved';
    form.normalPerPriority = '0';
    form.kioskBurst = '101';
    form.groups.push({ id: 'nguoi-cao-tuoi', vi: '', en: 'Elderly again', active: true }, { id: 'có dấu', vi: 'X', en: 'X', active: true });
    expect(settingsHints(form).map((h) => h.field)).toEqual([
      'priorityPolicy.normalPerPriority',
      'kioskBurst',
      'priorityGroups.4.id',
      'priorityGroups.4.name.vi',
      'priorityGroups.5.id',
    ]);
  });

  it('agrees with the server schema on every limit', () => {
    const settings = defaultSettings();
    const base = settingsFormOf(settings);
    const fields = ['maxWaitMinutes', 'maxRecalls', 'defaultServiceMinutes', 'kioskBurst', 'kioskPerMinute'] as const;
    for (const field of fields) {
      for (const value of ['0', '1', '5', '100', '600', '601', '', 'x']) {
        const form = { ...base, [field]: value };
        const valid = CentreSettingsSchema.safeParse(settingsBody(form, settings)).success;
        expect(settingsHints(form).length === 0, `${field}=${value}`).toBe(valid);
      }
    }
  });
});
