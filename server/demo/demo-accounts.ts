import type { DeviceKind, Role } from '../accounts/principal.ts';
import type { Staff } from '../../protocol/index.ts';
import { DEMO_CENTRE_ID, demoCounters } from './demo-centre.ts';

/**
 * The demo centre's accounts and devices, documented in README.md ("The demo centre"). They are
 * made only in demo mode, on a store with no account yet; the password is public, so never
 * run a real centre with DEMO=true.
 */
export const DEMO_PASSWORD = 'luot-demo';

/** The administrator is not one of the demo officers: a staff row of its own. */
export const demoAdminStaff: Staff = { id: 'admin', centreId: DEMO_CENTRE_ID, name: 'Quản trị viên' };

/** Username = staff id. `ha` manages the centre; `lan`, `hung` and `tuan` work at counters. */
export const demoAccounts: { staffId: string; role: Role }[] = [
  { staffId: 'admin', role: 'admin' },
  { staffId: 'ha', role: 'manager' },
  { staffId: 'lan', role: 'staff' },
  { staffId: 'hung', role: 'staff' },
  { staffId: 'tuan', role: 'staff' },
];

/** Fixed device tokens (`luot_<id>.<secret>`), so `npm start` can print ready-to-open pairing URLs. */
export const DEMO_DEVICE_SECRET = 'demo';
export const demoDevices: { id: string; kind: DeviceKind; name: string; counterId: string | null }[] = [
  { id: 'demo-kiosk', kind: 'kiosk', name: 'Kiosk sảnh chính (demo)', counterId: null },
  { id: 'demo-display', kind: 'display', name: 'Màn hình sảnh (demo)', counterId: null },
  { id: 'demo-bridge', kind: 'bridge', name: 'Bộ kết nối máy in & bàn phím (demo)', counterId: null },
  // Issue #14: what the province's dossier system would hold (docs/dossiers.md).
  { id: 'demo-integration', kind: 'integration', name: 'Hệ thống hồ sơ của tỉnh (demo)', counterId: null },
  // A rating screen per counter (issue #10: rating screens are paired devices, bound to one counter).
  ...demoCounters.map((c) => ({
    id: `demo-rate-${c.number}`,
    kind: 'rating-screen' as const,
    name: `Màn hình đánh giá quầy ${c.number} (demo)`,
    counterId: c.id,
  })),
];

/** The demo rating screen of a demo counter (`quay-3` → `luot_demo-rate-3.demo`). */
export const demoRatingScreenToken = (counterId: string): string => `luot_demo-rate-${counterId.replace(/^quay-/, '')}.${DEMO_DEVICE_SECRET}`;

export const DEMO_TOKENS = {
  kiosk: 'luot_demo-kiosk.demo',
  display: 'luot_demo-display.demo',
  bridge: 'luot_demo-bridge.demo',
  /** Counter 1's rating screen (the README's demo link). */
  'rating-screen': 'luot_demo-rate-1.demo',
  integration: 'luot_demo-integration.demo',
} as const satisfies Record<DeviceKind, string>;
