import { describe, expect, it } from 'vitest';
import type { Appointment, CheckInResult } from '../../../protocol/index.ts';
import { checkInMessage, dayLabel, groupedCode, localTime, todayIn } from '../../../kiosk/booking/appointment-text.ts';
import { cancelUrl, centreFromPath } from '../../../kiosk/booking/booking-logic.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const appointment: Appointment = {
  code: '12345678',
  centreId: 'demo',
  serviceId: 'dat-dai',
  day: '2026-03-16',
  time: '09:00',
  slotAt: '2026-03-16T02:00:00.000Z',
  state: 'booked',
  noShow: false,
  checkInKind: null,
  checkedInAt: null,
  ticketId: null,
  createdAt: '2026-03-10T02:00:00.000Z',
};

describe('appointment texts', () => {
  it('shows the centre wall clock whatever the browser zone', () => {
    expect(localTime('2026-03-16T02:00:00.000Z', HCM)).toBe('09:00');
    expect(todayIn(HCM, new Date('2026-03-15T17:30:00.000Z'))).toBe('2026-03-16');
    expect(dayLabel('2026-03-16', 'vi')).toBe('Thứ Hai, 16/03/2026');
    expect(dayLabel('2026-03-16', 'en')).toBe('Monday, 16/03/2026');
    expect(groupedCode('12345678')).toBe('1234 5678');
  });

  it('says what became of a check-in in plain words', () => {
    const early: CheckInResult = { outcome: 'too_early', appointment, comeBackAt: '2026-03-16T01:45:00.000Z' };
    expect(checkInMessage('vi', early, HCM, '2026-03-16')).toBe('Bạn đến sớm. Lịch hẹn của bạn lúc 09:00; vui lòng quay lại từ 08:45.');
    expect(checkInMessage('vi', early, HCM, '2026-03-15')).toBe(
      'Lịch hẹn của bạn vào ngày Thứ Hai, 16/03/2026 lúc 09:00. Vui lòng quay lại vào ngày đó, từ 08:45.',
    );
    expect(checkInMessage('en', { outcome: 'too_late', appointment }, HCM, '2026-03-16')).toContain('(09:00) has passed');
  });

  it('reads the centre from the page path and builds the cancel link', () => {
    expect(centreFromPath('/booking/demo')).toBe('demo');
    expect(centreFromPath('/booking/')).toBeNull();
    expect(cancelUrl('http://127.0.0.1:3000', 'demo', '12345678', 'en')).toBe('http://127.0.0.1:3000/booking/demo?cancel=12345678&lang=en');
  });
});
