import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, printedLine, ticketLayout, type LayoutBlock } from '../../firmware-bridge/printer/ticket-layout.ts';
import { sampleTicket } from '../fixtures/print-job.ts';

const texts = (blocks: LayoutBlock[]) => blocks.flatMap((b) => (b.kind === 'text' ? [printedLine(b.text)] : []));

describe('ticketLayout: appointments (issue #14)', () => {
  it('prints "LỊCH HẸN HH:MM" in the centre zone on a ticket that keeps an appointment place, and nothing on others', () => {
    // 02:00 UTC is 09:00 in Hồ Chí Minh City, whatever the PC's zone.
    const t = texts(ticketLayout({ ...sampleTicket, appointmentAt: '2026-11-22T02:00:00.000Z' }, DEFAULT_TEMPLATE));
    expect(t).toContain('LỊCH HẸN 09:00');
    expect(t).toContain('Appointment 09:00');
    expect(texts(ticketLayout(sampleTicket, DEFAULT_TEMPLATE)).some((l) => l.includes('LỊCH HẸN'))).toBe(false);
  });
});
