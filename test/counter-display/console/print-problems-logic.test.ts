import { describe, expect, it } from 'vitest';
import type { DeviceView, PrintJobView } from '../../../protocol/print.schemas.ts';
import { en } from '../../../web-shared/i18n/messages.en.ts';
import { vi } from '../../../web-shared/i18n/messages.vi.ts';
import { printersNeedingCare, reasonKey, RECENT_MS, unprintedTickets } from '../../../counter-display/console/print-problems-logic.ts';

const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();
const job = (id: string, ticketId: string, status: PrintJobView['status'], createdMin: number, updatedMin = createdMin): PrintJobView => ({
  id,
  centreId: 'demo',
  ticketId,
  number: `A${ticketId}`,
  kioskId: 'k1',
  printerId: 'p1',
  status,
  reprint: false,
  attempts: 1,
  error: status === 'failed' ? { code: 'printer.paper_out', message: 'paper out' } : null,
  createdAt: ago(createdMin),
  updatedAt: ago(updatedMin),
});

describe('tickets not printed', () => {
  it('lists failed and abandoned jobs, newest first, once per ticket', () => {
    const list = unprintedTickets(
      [job('j1', '001', 'failed', 30), job('j2', '002', 'abandoned', 10), job('j3', '001', 'failed', 5), job('j4', '003', 'printed', 1)],
      NOW,
    );
    expect(list.map((j) => j.id)).toEqual(['j3', 'j2']);
  });

  it('leaves out a ticket printed after it failed (a reprint settled it), not one printed before', () => {
    const settled = unprintedTickets([job('j1', '001', 'failed', 20), job('j2', '001', 'printed', 10)], NOW);
    expect(settled).toEqual([]);
    const again = unprintedTickets([job('j0', '001', 'printed', 40), job('j1', '001', 'failed', 20)], NOW);
    expect(again.map((j) => j.id)).toEqual(['j1']);
  });

  it('forgets failures older than the console horizon', () => {
    const old = job('j1', '001', 'failed', RECENT_MS / 60_000 + 1);
    expect(unprintedTickets([old], NOW)).toEqual([]);
  });
});

describe('printers needing care', () => {
  const device = (deviceId: string, status: DeviceView['status'], connected: boolean, kind: DeviceView['kind'] = 'printer'): DeviceView => ({
    centreId: 'demo',
    bridgeId: 'b1',
    deviceId,
    kind,
    kioskId: 'k1',
    status,
    detail: null,
    connected,
    lastSeenAt: ago(1),
  });
  it('are printers not ok or whose bridge is away; keypads are not printers', () => {
    const list = printersNeedingCare([
      device('p1', 'ok', true),
      device('p2', 'paper_out', true),
      device('p3', 'ok', false),
      device('k1', 'offline', false, 'keypad'),
    ]);
    expect(list.map((d) => d.deviceId)).toEqual(['p2', 'p3']);
  });
});

describe('reasons', () => {
  it('every print error code has words in both languages', () => {
    for (const code of ['printer.paper_out', 'printer.offline', 'printer.cover_open', 'printer.error', 'print.timeout', 'print.no_bridge'] as const) {
      const key = reasonKey(code) as keyof typeof vi;
      expect(vi[key], code).toBeTruthy();
      expect(en[key], code).toBeTruthy();
    }
    expect(reasonKey('printer.paper_out')).toBe('console.print.status.paper_out');
  });
});
