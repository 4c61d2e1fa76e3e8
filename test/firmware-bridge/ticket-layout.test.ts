import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, localDateTime, printedLine, ticketLayout, type LayoutBlock } from '../../firmware-bridge/printer/ticket-layout.ts';
import { sampleTicket } from '../fixtures/print-job.ts';

// As printed: words kept together (KEEP_TOGETHER) print with an ordinary space.
const texts = (blocks: LayoutBlock[]) => blocks.flatMap((b) => (b.kind === 'text' ? [printedLine(b.text)] : []));

describe('ticketLayout (pure)', () => {
  it('shows what DOMAIN.md says a ticket shows, the number huge, and ends with a cut', () => {
    const blocks = ticketLayout(sampleTicket, DEFAULT_TEMPLATE);
    const t = texts(blocks);
    expect(t).toContain('Trung tâm Phục vụ hành chính công xã An Phú');
    expect(t).toContain('Tư pháp – Hộ tịch');
    expect(t).toContain('Giờ lấy số: 08:15 22/11/2026');
    expect(t).toContain('Số người chờ trước bạn: 3');
    expect(t).toContain('Thời gian chờ dự kiến: khoảng 12 phút');
    expect(t).toContain('Vui lòng chờ đến lượt');
    expect(blocks.find((b) => b.kind === 'text' && b.text === 'A025')).toMatchObject({ size: 'huge', bold: true, align: 'center' });
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', data: sampleTicket.statusUrl }]);
    expect(blocks.at(-1)).toEqual({ kind: 'cut' });
  });

  it('adds English lines only when the template asks', () => {
    expect(texts(ticketLayout(sampleTicket, DEFAULT_TEMPLATE))).toContain('Justice – Civil status');
    const viOnly = texts(ticketLayout(sampleTicket, { ...DEFAULT_TEMPLATE, showEnglish: false }));
    expect(viOnly).not.toContain('Justice – Civil status');
    expect(viOnly.some((l) => /People ahead|Estimated/.test(l))).toBe(false);
  });

  it('marks priority tickets and reprints', () => {
    const t = texts(ticketLayout({ ...sampleTicket, priorityGroupName: { vi: 'Người cao tuổi', en: 'Elderly person' } }, DEFAULT_TEMPLATE, { reprint: true }));
    expect(t).toContain('* ƯU TIÊN: Người cao tuổi *');
    expect(t).toContain('Priority: Elderly person');
    expect(t).toContain('Bản in lại / Reprint');
    expect(texts(ticketLayout(sampleTicket, DEFAULT_TEMPLATE)).some((l) => l.includes('ƯU TIÊN'))).toBe(false);
  });

  it("takes the centre's footer over the printer's, and the printer's over the default", () => {
    const printer = { ...DEFAULT_TEMPLATE, footer: { vi: 'Cảm ơn quý khách' } };
    expect(texts(ticketLayout(sampleTicket, printer))).toContain('Cảm ơn quý khách');
    const centre = texts(ticketLayout({ ...sampleTicket, footer: { vi: 'Xin cảm ơn', en: 'Thank you' } }, printer));
    expect(centre).toContain('Xin cảm ơn');
    expect(centre).not.toContain('Cảm ơn quý khách');
  });

  it('says when there is no estimate, and leaves out the QR code or adds the logo on request', () => {
    expect(texts(ticketLayout({ ...sampleTicket, estimatedWaitMinutes: null }, DEFAULT_TEMPLATE))).toContain('Thời gian chờ dự kiến: chưa xác định');
    const blocks = ticketLayout(sampleTicket, { ...DEFAULT_TEMPLATE, showQr: false, logo: true });
    expect(blocks.some((b) => b.kind === 'qr')).toBe(false);
    expect(blocks[0]).toEqual({ kind: 'image', name: 'logo' });
  });

  it("formats the issue time in the centre's zone, whatever the process's zone", () => {
    // 16:59:59 UTC is 23:59 in Vietnam; 17:00 is midnight of the next day there.
    expect(localDateTime('2026-11-22T16:59:59Z', 'Asia/Ho_Chi_Minh')).toBe('23:59 22/11/2026');
    expect(localDateTime('2026-11-22T17:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('00:00 23/11/2026');
  });
});
