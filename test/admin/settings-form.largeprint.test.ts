import { describe, expect, it } from 'vitest';
import { CentreSettingsSchema, defaultSettings } from '../../protocol/index.ts';
import { settingsBody, settingsFieldLabels, settingsFormOf } from '../../admin/settings-form.ts';

describe('settings form: large print and ticket copies (issue #15)', () => {
  it('shows the saved values and sends the edited ones, valid for the server', () => {
    const settings = { ...defaultSettings(), largePrint: true, ticketCopies: 2 as const };
    const form = settingsFormOf(settings);
    expect(form).toMatchObject({ largePrint: true, ticketCopies: 2 });
    expect(settingsBody(form, settings)).toEqual(settings);
    const edited = settingsBody({ ...form, largePrint: false, ticketCopies: 1 }, settings);
    expect(edited).toMatchObject({ largePrint: false, ticketCopies: 1 });
    expect(CentreSettingsSchema.safeParse(edited).success).toBe(true);
  });

  it('labels the API’s validation errors of both keys', () => {
    expect(settingsFieldLabels.largePrint).toBe('admin.settings.largePrint');
    expect(settingsFieldLabels.ticketCopies).toBe('admin.settings.ticketCopies');
  });
});
