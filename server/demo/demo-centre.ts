import type { Centre, Counter, Service, Staff } from '../../protocol/index.ts';

/** A commune-level centre as set up after the 2025 two-tier reform: six counters, six lĩnh vực. */
export const DEMO_CENTRE_ID = 'demo';

export const demoCentre: Centre = {
  id: DEMO_CENTRE_ID,
  name: { vi: 'Trung tâm Phục vụ hành chính công xã An Phú', en: 'An Phu Commune Public Administrative Service Centre' },
  timeZone: 'Asia/Ho_Chi_Minh',
};

const service = (id: string, prefix: string, sortOrder: number, vi: string, en: string): Service => ({
  id,
  centreId: DEMO_CENTRE_ID,
  name: { vi, en },
  numbering: { mode: 'prefix', prefix, digits: 3 },
  sortOrder,
  active: true,
});

export const demoServices: Service[] = [
  service('tu-phap-ho-tich', 'A', 1, 'Tư pháp – Hộ tịch', 'Justice – Civil status'),
  service('dat-dai', 'B', 2, 'Đất đai', 'Land'),
  service('dang-ky-kinh-doanh', 'C', 3, 'Đăng ký kinh doanh', 'Business registration'),
  service('lao-dong-xa-hoi', 'D', 4, 'Lao động – Thương binh và Xã hội', 'Labour, war invalids and social affairs'),
  service('xay-dung', 'E', 5, 'Xây dựng', 'Construction'),
  service('tra-ket-qua', 'F', 6, 'Trả kết quả', 'Result return'),
];

const counter = (n: number, serviceIds: string[], extra: Partial<Counter> = {}): Counter => ({
  id: `quay-${n}`,
  centreId: DEMO_CENTRE_ID,
  number: n,
  serviceIds,
  callOrder: 'fifo',
  weights: {},
  active: true,
  ...extra,
});

export const demoCounters: Counter[] = [
  counter(1, ['tu-phap-ho-tich']),
  // Two civil-status citizens for each labour/social one.
  counter(2, ['tu-phap-ho-tich', 'lao-dong-xa-hoi'], { callOrder: 'weighted', weights: { 'tu-phap-ho-tich': 2 } }),
  counter(3, ['dat-dai']),
  counter(4, ['dat-dai', 'xay-dung']),
  counter(5, ['dang-ky-kinh-doanh', 'xay-dung']),
  // Result return first; helps with civil status when nobody waits for results.
  counter(6, ['tra-ket-qua', 'tu-phap-ho-tich'], { callOrder: 'ordered' }),
];

export const demoStaff: Staff[] = [
  { id: 'lan', centreId: DEMO_CENTRE_ID, name: 'Nguyễn Thị Lan' },
  { id: 'hung', centreId: DEMO_CENTRE_ID, name: 'Trần Văn Hùng' },
  { id: 'tuan', centreId: DEMO_CENTRE_ID, name: 'Lê Minh Tuấn' },
  { id: 'ha', centreId: DEMO_CENTRE_ID, name: 'Phạm Thu Hà' },
];
