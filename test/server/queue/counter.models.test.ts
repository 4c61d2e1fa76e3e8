import { describe, expect, it } from 'vitest';
import type { CounterState } from '../../../protocol/index.ts';
import { callCheck, CLOSED, decideCounter, holdCheck, type CounterFacts } from '../../../server/queue/counter.models.ts';

const at = new Date('2026-03-16T01:00:00.000Z');
const openBy = (staffId: string): CounterState => ({ status: 'open', staffId, openedAt: '2026-03-16T00:30:00.000Z' });
const pausedBy = (staffId: string): CounterState => ({ ...openBy(staffId), status: 'paused' });
const facts = (state: CounterState, extra: Partial<CounterFacts> = {}): CounterFacts => ({
  state,
  staffId: 'lan',
  heldElsewhere: null,
  hasCurrentTicket: false,
  at,
  ...extra,
});

describe('open', () => {
  it('a closed counter: the officer now holds it, from now', () => {
    expect(decideCounter('open', facts(CLOSED))).toEqual({ ok: true, state: { status: 'open', staffId: 'lan', openedAt: at.toISOString() } });
  });

  it('again by its holder (a reloaded console): harmless, nothing changes, paused stays paused', () => {
    expect(decideCounter('open', facts(openBy('lan')))).toEqual({ ok: true, state: openBy('lan') });
    expect(decideCounter('open', facts(pausedBy('lan')))).toEqual({ ok: true, state: pausedBy('lan') });
  });

  it('held by someone else, open or on a break: counter.busy, never a takeover', () => {
    expect(decideCounter('open', facts(openBy('hung')))).toEqual({ ok: false, code: 'counter.busy' });
    expect(decideCounter('open', facts(pausedBy('hung')))).toEqual({ ok: false, code: 'counter.busy' });
    // Even when the asker holds nothing else and the holder's counter is idle.
    expect(decideCounter('open', facts(openBy('hung'), { heldElsewhere: null }))).toMatchObject({ ok: false });
  });

  it('while the officer holds another counter: staff.holds_other_counter', () => {
    expect(decideCounter('open', facts(CLOSED, { heldElsewhere: 'quay-4' }))).toEqual({ ok: false, code: 'staff.holds_other_counter' });
  });

  it('a counter held by someone else is busy before the asker’s other counter matters', () => {
    expect(decideCounter('open', facts(openBy('hung'), { heldElsewhere: 'quay-4' }))).toEqual({ ok: false, code: 'counter.busy' });
  });
});

describe('close', () => {
  it('by its holder with nothing attended: closed, nobody holds it', () => {
    expect(decideCounter('close', facts(openBy('lan')))).toEqual({ ok: true, state: CLOSED });
    expect(decideCounter('close', facts(pausedBy('lan')))).toEqual({ ok: true, state: CLOSED });
  });

  it('while attending a ticket: counter.has_current_ticket', () => {
    expect(decideCounter('close', facts(openBy('lan'), { hasCurrentTicket: true }))).toEqual({ ok: false, code: 'counter.has_current_ticket' });
  });

  it('by someone who does not hold it: counter.not_held; when closed already: counter.closed', () => {
    expect(decideCounter('close', facts(openBy('hung')))).toEqual({ ok: false, code: 'counter.not_held' });
    expect(decideCounter('close', facts(CLOSED))).toEqual({ ok: false, code: 'counter.closed' });
  });
});

describe('pause and resume', () => {
  it('pause by the holder with nothing attended; pausing again is harmless', () => {
    expect(decideCounter('pause', facts(openBy('lan')))).toEqual({ ok: true, state: pausedBy('lan') });
    expect(decideCounter('pause', facts(pausedBy('lan')))).toEqual({ ok: true, state: pausedBy('lan') });
  });

  it('pause while attending a ticket: counter.has_current_ticket', () => {
    expect(decideCounter('pause', facts(openBy('lan'), { hasCurrentTicket: true }))).toEqual({ ok: false, code: 'counter.has_current_ticket' });
  });

  it('resume by the holder after a break, keeping when it was opened', () => {
    expect(decideCounter('resume', facts(pausedBy('lan')))).toEqual({ ok: true, state: openBy('lan') });
  });

  it('resume when not on a break: counter.not_paused', () => {
    expect(decideCounter('resume', facts(openBy('lan')))).toEqual({ ok: false, code: 'counter.not_paused' });
  });

  it.each(['pause', 'resume'] as const)('%s by someone else or on a closed counter is refused', (cmd) => {
    expect(decideCounter(cmd, facts(openBy('hung')))).toEqual({ ok: false, code: 'counter.not_held' });
    expect(decideCounter(cmd, facts(pausedBy('hung')))).toEqual({ ok: false, code: 'counter.not_held' });
    expect(decideCounter(cmd, facts(CLOSED))).toEqual({ ok: false, code: 'counter.closed' });
  });
});

describe('holdCheck and callCheck', () => {
  it('holdCheck: closed, or held by another officer, is refused; paused is still held', () => {
    expect(holdCheck(CLOSED, 'lan')).toBe('counter.closed');
    expect(holdCheck(openBy('hung'), 'lan')).toBe('counter.not_held');
    expect(holdCheck(openBy('lan'), 'lan')).toBeNull();
    expect(holdCheck(pausedBy('lan'), 'lan')).toBeNull();
  });

  it('callCheck: the holder may call only when open, not on a break', () => {
    expect(callCheck(openBy('lan'), 'lan')).toBeNull();
    expect(callCheck(pausedBy('lan'), 'lan')).toBe('counter.paused');
    expect(callCheck(pausedBy('hung'), 'lan')).toBe('counter.not_held');
    expect(callCheck(CLOSED, 'lan')).toBe('counter.closed');
  });

  it('CLOSED is the state of a free counter', () => {
    expect(CLOSED).toEqual({ status: 'closed', staffId: null, openedAt: null });
  });
});
