import { describe, expect, it } from 'vitest';
import { DisplaySettingsSchema } from '../../protocol/index.ts';
import { displayBody, displayFormOf, displayHints, newProfile } from '../../admin/display-form.ts';

const defaults = () => DisplaySettingsSchema.parse({});

describe('display settings form (issue #15)', () => {
  it('round-trips the settings it shows and keeps the ones it does not (logo, theme)', () => {
    const base = { ...defaults(), logoUrl: '/logo.png', theme: { '--luot-accent': '#004d40' } };
    const form = displayFormOf(base);
    expect(displayBody(form, base)).toEqual(base);
  });

  it('makes a valid body from edits: notice, southern reading, digits, two repeats, a hall', () => {
    const base = defaults();
    const form = {
      ...displayFormOf(base),
      noticeVi: '  Trung tâm nghỉ trưa 11:30–13:30  ',
      dialect: 'south' as const,
      numberReading: 'digits' as const,
      repeat: '2',
      recentCalls: '4',
      profiles: [{ ...newProfile(1), id: 'sanh-b', name: 'Sảnh B', counterIds: ['quay-7'], announce: false }],
    };
    expect(displayHints(form)).toEqual([]);
    const body = displayBody(form, base);
    expect(DisplaySettingsSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      notice: { vi: 'Trung tâm nghỉ trưa 11:30–13:30', en: '' },
      announcement: { dialect: 'south', numberReading: 'digits', repeat: 2, enabled: true },
      recentCalls: 4,
      profiles: [{ id: 'sanh-b', name: 'Sảnh B', serviceIds: [], counterIds: ['quay-7'], announce: false }],
    });
  });

  it('names what is wrong before sending: ranges, profile ids and names', () => {
    const form = {
      ...displayFormOf(defaults()),
      repeat: '5',
      recentCalls: '12',
      profiles: [
        { ...newProfile(1), id: 'sảnh a', name: 'A' },
        { ...newProfile(2), id: 'b', name: ' ' },
        { ...newProfile(3), id: 'b', name: 'B' },
      ],
    };
    expect(displayHints(form).map((h) => h.field)).toEqual([
      'display.recentCalls',
      'display.announcement.repeat',
      'display.profiles.0.id',
      'display.profiles.1.name',
      'display.profiles.2.id',
    ]);
  });
});
