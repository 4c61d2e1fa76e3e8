import { describe, expect, it, vi } from 'vitest';
import type { Call } from '../../../../protocol/index.ts';
import { announcementFor, type Announcement } from '../../../../counter-display/display/announce/announcement.ts';
import { AnnouncementQueue, type PlayOutcome, type Player } from '../../../../counter-display/display/announce/announcement-queue.ts';

const options = { dialect: 'north', numberReading: 'words', fourAsTu: true } as const;
const ann = (number: string, calledAt = '2026-11-23T02:00:00.000Z', recall = false): Announcement => {
  const call: Call = { ticketId: `t-${number}`, number, serviceId: 'a', counterId: 'quay-1', counterNumber: 1, calledAt, recall };
  return announcementFor(call, options);
};

/** A player the test finishes by hand; it records starts and ends, and whether two ever overlapped. */
function fakePlayer() {
  const log: string[] = [];
  const running: { a: Announcement; end: (o?: PlayOutcome) => void }[] = [];
  let overlaps = 0;
  const player: Player & { log: string[]; running: typeof running; overlaps: () => number; finish: (o?: PlayOutcome) => Promise<void> } = {
    log,
    running,
    overlaps: () => overlaps,
    stop: vi.fn(),
    play(a) {
      if (running.length > 0) overlaps++;
      log.push(`start ${a.number}${a.recall ? ' (recall)' : ''}`);
      return new Promise<PlayOutcome>((resolve) => {
        running.push({
          a,
          end: (o = 'played') => {
            running.splice(
              running.findIndex((r) => r.a === a),
              1,
            );
            log.push(`end ${a.number}`);
            resolve(o);
          },
        });
      });
    },
    async finish(o) {
      running[0]!.end(o);
      await Promise.resolve();
      await Promise.resolve();
    },
  };
  return player;
}

describe('AnnouncementQueue', () => {
  it('never cuts off the announcement in progress: later calls wait their turn, in order', async () => {
    const player = fakePlayer();
    const q = new AnnouncementQueue(player);
    q.enqueue(ann('A001'));
    q.enqueue(ann('A002'));
    q.enqueue(ann('B001'));
    expect(q.playing?.number).toBe('A001');
    expect(q.pending.map((a) => a.number)).toEqual(['A002', 'B001']);
    await player.finish();
    await player.finish();
    await player.finish();
    await q.idle();
    expect(player.log).toEqual(['start A001', 'end A001', 'start A002', 'end A002', 'start B001', 'end B001']);
    expect(player.overlaps()).toBe(0);
    expect(q.history.map((h) => [h.announcement.number, h.outcome])).toEqual([
      ['A001', 'played'],
      ['A002', 'played'],
      ['B001', 'played'],
    ]);
  });

  it('announces a recall again, even while the first call is still being said', async () => {
    const player = fakePlayer();
    const q = new AnnouncementQueue(player);
    expect(q.enqueue(ann('A001'))).toBe(true);
    expect(q.enqueue(ann('A001', '2026-11-23T02:01:00.000Z', true))).toBe(true);
    await player.finish();
    await player.finish();
    await q.idle();
    expect(player.log).toEqual(['start A001', 'end A001', 'start A001 (recall)', 'end A001']);
    expect(q.history[1]!.announcement.text).toMatch(/^Mời lại công dân/);
  });

  it('says the same call once when it is delivered twice (a snapshot after an event)', async () => {
    const player = fakePlayer();
    const q = new AnnouncementQueue(player);
    expect(q.enqueue(ann('A001'))).toBe(true);
    expect(q.enqueue(ann('A001'))).toBe(false);
    await player.finish();
    expect(q.enqueue(ann('A001'))).toBe(false);
    await q.idle();
    expect(player.log).toEqual(['start A001', 'end A001']);
  });

  it('goes on after a failed or muted play, and records the outcome', async () => {
    const failing: Player = {
      play: vi.fn(async (a: Announcement): Promise<PlayOutcome> => (a.number === 'A001' ? Promise.reject(new Error('boom')) : 'muted')),
    };
    const q = new AnnouncementQueue(failing);
    q.enqueue(ann('A001'));
    q.enqueue(ann('A002'));
    await q.idle();
    expect(q.history.map((h) => h.outcome)).toEqual(['failed', 'muted']);
  });

  it('moves on from a player that never finishes (a hung speech engine) after maxPlayMs, and stops it', async () => {
    vi.useFakeTimers();
    try {
      const player = fakePlayer();
      const q = new AnnouncementQueue(player, { maxPlayMs: 20_000 });
      q.enqueue(ann('A001'));
      q.enqueue(ann('A002'));
      await vi.advanceTimersByTimeAsync(19_999);
      expect(q.playing?.number).toBe('A001');
      await vi.advanceTimersByTimeAsync(1);
      expect(player.stop).toHaveBeenCalledTimes(1);
      expect(q.history.map((h) => h.outcome)).toEqual(['timeout']);
      expect(q.playing?.number).toBe('A002');
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the oldest waiting ones beyond maxPending, never the one playing', async () => {
    const player = fakePlayer();
    const q = new AnnouncementQueue(player, { maxPending: 2 });
    for (const n of ['A001', 'A002', 'A003', 'A004']) q.enqueue(ann(n));
    expect(q.playing?.number).toBe('A001');
    expect(q.pending.map((a) => a.number)).toEqual(['A003', 'A004']);
    expect(q.history.map((h) => [h.announcement.number, h.outcome])).toEqual([['A002', 'dropped']]);
  });

  it('tells its listener about every change', async () => {
    const player = fakePlayer();
    const onChange = vi.fn();
    const q = new AnnouncementQueue(player, { onChange });
    q.enqueue(ann('A001'));
    const before = onChange.mock.calls.length;
    expect(before).toBeGreaterThan(0);
    await player.finish();
    await q.idle();
    expect(onChange.mock.calls.length).toBeGreaterThan(before);
  });
});
