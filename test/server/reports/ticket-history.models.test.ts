import { describe, expect, it } from 'vitest';
import { historyEntries, historyLookup, recordsByTicket, transitionKind } from '../../../server/reports/ticket-history.models.ts';
import type { HistoryEventRow, HistoryPrintRow, HistoryRecords } from '../../../server/reports/ticket-history.port.ts';

const T0 = Date.parse('2026-03-16T08:00:00+07:00');
const min = (n: number) => T0 + n * 60_000;

const names = historyLookup(
  {
    services: [
      { id: 'ho-tich', name: { vi: 'Hộ tịch', en: 'Civil status' } },
      { id: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' } },
    ],
    counters: [
      { id: 'quay-1', number: 1 },
      { id: 'quay-2', number: 2 },
    ],
    priorityGroups: [{ id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi', en: 'Elderly person' } }],
    people: {
      staff: [
        { id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan' },
        { id: 'hung', name: 'Trần Văn Hùng', username: null },
      ],
      devices: [{ id: 'kiosk-1', name: 'Kiosk sảnh', kind: 'kiosk' }],
    },
  },
  60_000,
);

let seq = 0;
const ev = (atMin: number, from: string | null, to: string, extra: Partial<HistoryEventRow> = {}): HistoryEventRow => ({
  ticketId: 't1',
  seq: ++seq,
  atMs: min(atMin),
  actorKind: 'staff',
  actorId: 'lan',
  fromState: from,
  toState: to,
  counterId: 'quay-1',
  serviceId: 'ho-tich',
  detail: null,
  ...extra,
});

const job = (extra: Partial<HistoryPrintRow> = {}): HistoryPrintRow => ({
  id: 'job-1',
  ticketId: 't1',
  kioskId: 'kiosk-1',
  printerId: 'p1',
  status: 'printed',
  reprint: false,
  requestedBy: null,
  attempts: 1,
  error: null,
  errorMessage: null,
  createdAtMs: min(0),
  updatedAtMs: min(0) + 4_000,
  claimedUntilMs: min(0) + 62_000,
  ...extra,
});

describe('transitionKind', () => {
  it('names each stored transition by its states and detail', () => {
    const k = (from: string | null, to: string, detail: Record<string, unknown> | null = null) => transitionKind({ fromState: from, toState: to, detail });
    expect(k(null, 'waiting')).toBe('issued');
    expect(k('waiting', 'called')).toBe('called');
    expect(k('waiting', 'called', { calledByNumber: true })).toBe('called');
    expect(k('called', 'called', { recall: 2 })).toBe('recalled');
    expect(k('called', 'serving')).toBe('serving');
    expect(k('serving', 'waiting', { fromServiceId: 'a', toServiceId: 'b', toCounterId: null })).toBe('transferred');
    expect(k('called', 'waiting', { forceClosedBy: 'admin' })).toBe('requeued');
    expect(k('waiting', 'waiting', { grantPriority: 'g', reason: 'r', previous: null })).toBe('priority_granted');
    expect(k('serving', 'parked')).toBe('parked');
    expect(k('parked', 'called', { parkedAt: 'quay-1' })).toBe('resumed');
    expect(k('serving', 'done')).toBe('finished');
    expect(k('called', 'no_show', { afterRecalls: 3 })).toBe('no_show');
    expect(k('waiting', 'expired', { dayEnd: '2026-03-15' })).toBe('expired');
    // Nothing any rule writes: kept, not hidden.
    expect(k('done', 'waiting')).toBe('changed');
  });
});

describe('historyEntries', () => {
  it('gives who, when, from, to, where, transfers, recalls, grants, print jobs and the rating in time order', () => {
    seq = 0;
    const records: HistoryRecords = {
      events: [
        ev(0, null, 'waiting', { actorKind: 'kiosk', actorId: 'kiosk-1', counterId: null }),
        ev(2, 'waiting', 'waiting', { counterId: null, detail: { grantPriority: 'nguoi-cao-tuoi', reason: 'Cụ 80 tuổi', previous: null } }),
        ev(5, 'waiting', 'called'),
        ev(6, 'called', 'called', { detail: { recall: 1 } }),
        ev(7, 'called', 'serving'),
        ev(9, 'serving', 'waiting', { serviceId: 'dat-dai', detail: { fromServiceId: 'ho-tich', toServiceId: 'dat-dai', toCounterId: 'quay-2' } }),
        ev(12, 'waiting', 'called', { actorId: 'hung', counterId: 'quay-2', serviceId: 'dat-dai', detail: { calledByNumber: true } }),
        ev(13, 'called', 'serving', { actorId: 'hung', counterId: 'quay-2', serviceId: 'dat-dai' }),
        ev(20, 'serving', 'done', { actorId: 'hung', counterId: 'quay-2', serviceId: 'dat-dai' }),
      ].reverse(), // the order rows arrive in does not matter: seq does
      printJobs: [
        job(),
        job({
          id: 'job-2',
          reprint: true,
          requestedBy: 'lan',
          status: 'failed',
          error: 'paper_out',
          errorMessage: 'Hết giấy',
          createdAtMs: min(8),
          updatedAtMs: min(8) + 3_000,
          claimedUntilMs: null,
        }),
      ],
      ratings: [
        {
          ticketId: 't1',
          counterId: 'quay-2',
          staffId: 'hung',
          level: 1,
          scale: 4,
          grade: 'very_satisfied',
          satisfied: true,
          source: 'keypad',
          pressedAtMs: min(20) + 5_000,
        },
      ],
    };
    const entries = historyEntries(records, names);
    expect(entries.map((e) => e.kind)).toEqual([
      'issued',
      'print_created',
      'print_claimed',
      'print_printed',
      'priority_granted',
      'called',
      'recalled',
      'serving',
      'print_created',
      'print_failed',
      'transferred',
      'called',
      'serving',
      'finished',
      'rated',
    ]);
    const [issued, created, claimed, printed, grant, called, recalled, , reprint, failed, transferred, calledByNumber, , finished, rated] = entries;
    expect(issued).toMatchObject({
      at: new Date(min(0)).toISOString(),
      fromState: null,
      toState: 'waiting',
      actor: { kind: 'kiosk', id: 'kiosk-1', name: 'Kiosk sảnh', username: null },
      counter: null,
      service: { id: 'ho-tich', name: { vi: 'Hộ tịch' } },
    });
    expect(created).toMatchObject({
      actor: { kind: 'kiosk', id: 'kiosk-1' },
      print: { jobId: 'job-1', reprint: false, kiosk: { name: 'Kiosk sảnh' }, status: 'printed' },
    });
    // claimed_until is the end of the claim; it was made one grace period (60 s) before.
    expect(claimed!.at).toBe(new Date(min(0) + 2_000).toISOString());
    expect(printed).toMatchObject({ at: new Date(min(0) + 4_000).toISOString(), print: { error: null } });
    expect(grant).toMatchObject({
      actor: { kind: 'staff', id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan' },
      priority: { group: { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi' } }, previous: null, reason: 'Cụ 80 tuổi' },
    });
    expect(called).toMatchObject({ fromState: 'waiting', toState: 'called', counter: { id: 'quay-1', number: 1 } });
    expect(called!.calledByNumber).toBeUndefined();
    expect(recalled).toMatchObject({ recall: { count: 1 } });
    expect(reprint).toMatchObject({ actor: { kind: 'staff', id: 'lan' }, print: { reprint: true, status: 'failed' } });
    expect(failed).toMatchObject({ print: { error: { code: 'paper_out', message: 'Hết giấy' } } });
    expect(transferred).toMatchObject({
      fromState: 'serving',
      toState: 'waiting',
      transfer: { from: { id: 'ho-tich', name: { en: 'Civil status' } }, to: { id: 'dat-dai', name: { en: 'Land' } }, toCounter: { id: 'quay-2', number: 2 } },
    });
    expect(calledByNumber).toMatchObject({ calledByNumber: true, actor: { name: 'Trần Văn Hùng', username: null }, counter: { number: 2 } });
    expect(finished).toMatchObject({ fromState: 'serving', toState: 'done' });
    expect(rated).toMatchObject({
      actor: null,
      counter: { id: 'quay-2', number: 2 },
      rating: { level: 1, scale: 4, grade: 'very_satisfied', satisfied: true, source: 'keypad' },
    });
  });

  it('keeps entries of one instant in the order they were written, and names what no longer exists by id', () => {
    seq = 0;
    const entries = historyEntries(
      {
        events: [
          ev(0, null, 'waiting', { actorKind: 'kiosk', actorId: null, counterId: null, serviceId: 'gone' }),
          ev(0, 'waiting', 'expired', { actorKind: 'system', actorId: null, counterId: 'quay-9', detail: { dayEnd: '2026-03-16' } }),
        ],
        printJobs: [job({ status: 'abandoned', error: 'print.no_bridge', errorMessage: null, claimedUntilMs: null, updatedAtMs: min(0) })],
        ratings: [],
      },
      names,
    );
    expect(entries.map((e) => e.kind)).toEqual(['issued', 'expired', 'print_created', 'print_abandoned']);
    expect(entries[0]).toMatchObject({ actor: { kind: 'kiosk', id: null, name: null }, service: { id: 'gone', name: null } });
    expect(entries[1]).toMatchObject({ actor: { kind: 'system' }, counter: { id: 'quay-9', number: null } });
    expect(entries[3]!.print!.error).toEqual({ code: 'print.no_bridge', message: null });
  });

  it('shows a job still under way as created only, and a no-show with its recalls', () => {
    seq = 0;
    const entries = historyEntries(
      { events: [ev(1, 'called', 'no_show', { detail: { afterRecalls: 2 } })], printJobs: [job({ status: 'sent', claimedUntilMs: null })], ratings: [] },
      names,
    );
    expect(entries.map((e) => [e.kind, e.print?.status ?? e.recall?.count])).toEqual([
      ['print_created', 'sent'],
      ['no_show', 2],
    ]);
  });
});

describe('recordsByTicket', () => {
  it('splits the rows of a batch per ticket', () => {
    seq = 0;
    const split = recordsByTicket({
      events: [ev(0, null, 'waiting'), ev(0, null, 'waiting', { ticketId: 't2' })],
      printJobs: [job({ ticketId: 't2' })],
      ratings: [],
    });
    expect([...split.keys()].sort()).toEqual(['t1', 't2']);
    expect(split.get('t1')!.printJobs).toEqual([]);
    expect(split.get('t2')!.printJobs).toHaveLength(1);
  });
});
