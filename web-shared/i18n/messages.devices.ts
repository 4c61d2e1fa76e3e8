/**
 * Rating screens as paired devices (issue #10): their kind, the counter a rating screen is bound
 * to on the admin page; spread into the main catalogues like messages.printing.ts.
 */
export const devicesVi = {
  'device.kind.rating-screen': 'Màn hình đánh giá (một quầy)',
  'reports.device.rating-screen': 'Màn hình đánh giá',
  'admin.devices.counter': 'Quầy của màn hình đánh giá',
  'admin.devices.forCounter': 'Quầy số {n}',
} as const;

export const devicesEn = {
  'device.kind.rating-screen': 'Rating screen (one counter)',
  'reports.device.rating-screen': 'Rating screen',
  'admin.devices.counter': "Rating screen's counter",
  'admin.devices.forCounter': 'Counter {n}',
} as const satisfies Record<keyof typeof devicesVi, string>;
