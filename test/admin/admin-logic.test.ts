import { describe, expect, it } from 'vitest';
import { pairingUrl, sortDevices } from '../../admin/admin-logic.ts';
import type { DeviceToken } from '../../protocol/index.ts';

describe('admin page logic', () => {
  it('makes pairing addresses for kiosks, displays and rating screens (at their counter), none for bridges', () => {
    expect(pairingUrl('http://192.168.1.10:3000', 'kiosk', 'luot_a.b')).toBe('http://192.168.1.10:3000/kiosk?pair=luot_a.b');
    expect(pairingUrl('http://x', 'display', 'luot_a.b')).toBe('http://x/display?pair=luot_a.b');
    expect(pairingUrl('http://x', 'bridge', 'luot_a.b')).toBeNull();
    expect(pairingUrl('http://x', 'rating-screen', 'luot_a.b', 'quay-3')).toBe('http://x/rate/quay-3?pair=luot_a.b');
    expect(pairingUrl('http://x', 'rating-screen', 'luot_a.b')).toBeNull();
  });

  it('lists live tokens newest first, then revoked ones', () => {
    const d = (id: string, createdAt: string, revokedAt: string | null = null): DeviceToken => ({
      id,
      centreId: 'demo',
      kind: 'kiosk',
      name: id,
      createdAt,
      createdBy: null,
      revokedAt,
      lastSeenAt: null,
      counterId: null,
    });
    const sorted = sortDevices([
      d('old', '2026-01-01T00:00:00.000Z'),
      d('gone', '2026-01-03T00:00:00.000Z', '2026-01-04T00:00:00.000Z'),
      d('new', '2026-01-02T00:00:00.000Z'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['new', 'old', 'gone']);
  });
});
