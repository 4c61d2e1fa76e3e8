import { describe, expect, it } from 'vitest';
import { CentreSettingsSchema, defaultSettings } from '../../protocol/index.ts';
import { settingsBody, settingsFormOf, settingsHints } from '../../admin/settings-form.ts';

describe('settings form: SLA alerts', () => {
  it('round-trips alert limits, per-service overrides and the webhook', () => {
    const settings = CentreSettingsSchema.parse({
      alerts: {
        maxWaitMinutes: { default: 30, services: { 'ho-tich': 20, 'dat-dai': 0 } },
        maxQueueLength: { default: 15 },
        maxIdleMinutes: 10,
        webhookUrl: 'https://hook.example.vn/a',
      },
    });
    expect(settingsBody(settingsFormOf(settings), settings)).toEqual(settings);
  });

  it('an empty override follows the general limit; 0 switches the rule off for that service; an empty webhook is none', () => {
    const settings = defaultSettings();
    const form = settingsFormOf(settings);
    form.alerts = {
      ...form.alerts,
      waitDefault: '45',
      waitByService: { 'ho-tich': '', 'dat-dai': '0' },
      queueByService: { 'ho-tich': '12' },
      webhookUrl: '  ',
    };
    const body = settingsBody(form, settings);
    expect(body.alerts).toEqual({
      ...settings.alerts,
      maxWaitMinutes: { default: 45, services: { 'dat-dai': 0 } },
      maxQueueLength: { default: 0, services: { 'ho-tich': 12 } },
      webhookUrl: null,
    });
    expect(CentreSettingsSchema.safeParse(body).success).toBe(true);
  });

  it('hints limits out of range and a webhook that is not an http(s) address, before sending', () => {
    const form = settingsFormOf(defaultSettings());
    form.alerts = { ...form.alerts, idle: '-1', waitByService: { 'ho-tich': '601' }, webhookUrl: 'hook.example.vn' };
    expect(settingsHints(form).map((h) => h.field)).toEqual(['alerts.maxIdleMinutes', 'alerts.maxWaitMinutes.services.ho-tich', 'alerts.webhookUrl']);
  });
});
