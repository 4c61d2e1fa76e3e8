import { describe, expect, it } from 'vitest';
import { printDisplay } from '../../../kiosk/touchscreen/print-status-logic.ts';

describe('what the kiosk says about the paper ticket', () => {
  it('says "Mời nhận phiếu" only once the job is printed', () => {
    expect(printDisplay(null, 'vi').phase).toBe('printing');
    expect(printDisplay({ status: 'pending', error: null }, 'vi')).toMatchObject({ phase: 'printing', title: 'Đang in phiếu…' });
    expect(printDisplay({ status: 'sent', error: null }, 'vi').phase).toBe('printing');
    expect(printDisplay({ status: 'printed', error: null }, 'vi')).toMatchObject({ phase: 'printed', title: 'Mời nhận phiếu' });
    expect(printDisplay({ status: 'printed', error: null }, 'en').title).toBe('Please take your ticket');
  });

  it('says why it failed and that the number is still valid', () => {
    const d = printDisplay({ status: 'failed', error: { code: 'printer.paper_out', message: 'x' } }, 'vi');
    expect(d.phase).toBe('failed');
    expect(d.detail).toMatch(/^Máy in hết giấy\. Số thứ tự của bạn vẫn có hiệu lực/);
    expect(printDisplay({ status: 'abandoned', error: { code: 'print.no_bridge', message: 'x' } }, 'en').detail).toMatch(/not connected.*still valid/);
  });

  it('gives up by itself when the server cannot be reached', () => {
    expect(printDisplay(null, 'vi', true).phase).toBe('failed');
    expect(printDisplay({ status: 'sent', error: null }, 'vi', true).phase).toBe('failed');
    expect(printDisplay({ status: 'printed', error: null }, 'vi', true).phase).toBe('printed');
  });
});
