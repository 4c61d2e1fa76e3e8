import { describe, expect, it } from 'vitest';
import type { TicketState } from '../../../protocol/index.ts';
import {
  actionBody,
  allowedActions,
  counterNotice,
  effectiveView,
  heldElsewhere,
  holdsCounter,
  isLastRecall,
  outcomeKey,
  pickCounter,
  shortcutAction,
  type ConsoleAction,
  type ConsoleFacts,
} from '../../../counter-display/console/console-logic.ts';
import { applySnapshot } from '../../../web-shared/client/centre-state.ts';
import { CLOSED, counters, held, snapshot, ticket } from '../../web-shared/client/centre.fixtures.ts';

const at = (state: 'called' | 'serving') => ticket({ id: 't1', number: 'A001', state, counterId: 'quay-1' });
const facts = (over: Partial<ConsoleFacts> = {}): ConsoleFacts => ({
  view: held(1, 'lan'),
  staffId: 'lan',
  heldElsewhere: null,
  parkedCount: 0,
  ...over,
});
/** The enabled buttons, sorted, so each case reads as one line. */
const enabled = (f: ConsoleFacts) =>
  (Object.entries(allowedActions(f)) as [ConsoleAction, boolean][])
    .filter(([, on]) => on)
    .map(([a]) => a)
    .sort();

describe('allowedActions', () => {
  it('offers only "open" on a closed counter', () => {
    expect(enabled(facts({ view: { counter: counters[0]!, state: CLOSED, current: null } }))).toEqual(['grant', 'open']);
  });

  it('refuses to open a second counter for the same officer', () => {
    const closed = { counter: counters[0]!, state: CLOSED, current: null };
    expect(allowedActions(facts({ view: closed, heldElsewhere: 2 })).open).toBe(false);
  });

  it('lets the holder call, pause or close a free open counter', () => {
    expect(enabled(facts())).toEqual(['call', 'call-next', 'close', 'grant', 'pause']);
    expect(allowedActions(facts({ parkedCount: 2 }))['resume-ticket']).toBe(true);
  });

  it('offers recall, start, finish, no-show, transfer and park for a called ticket', () => {
    expect(enabled(facts({ view: held(1, 'lan', 'open', at('called')) }))).toEqual([
      'finish',
      'finish-next',
      'grant',
      'no-show',
      'park',
      'recall',
      'start-serving',
      'transfer',
    ]);
  });

  it('offers finish, transfer and park while serving; no recall, no no-show', () => {
    expect(enabled(facts({ view: held(1, 'lan', 'open', at('serving')), parkedCount: 3 }))).toEqual(['finish', 'finish-next', 'grant', 'park', 'transfer']);
    // On a break the call-next half would be refused: finish alone.
    expect(allowedActions(facts({ view: held(1, 'lan', 'paused', at('serving')) }))['finish-next']).toBe(false);
  });

  it('only lets a paused counter resume work or close', () => {
    expect(enabled(facts({ view: held(1, 'lan', 'paused'), parkedCount: 1 }))).toEqual(['close', 'grant', 'resume']);
  });

  it('gives nothing at a counter another officer holds, even with a ticket there', () => {
    expect(enabled(facts({ view: held(1, 'hung', 'open', at('called')) }))).toEqual(['grant']);
  });

  it('gives nothing before login, without a counter, or at a counter out of use', () => {
    expect(enabled(facts({ staffId: null }))).toEqual([]);
    expect(enabled(facts({ view: null }))).toEqual([]);
    const view = held(1, 'lan');
    expect(enabled(facts({ view: { ...view, counter: { ...view.counter, active: false } } }))).toEqual([]);
  });
});

describe('counterNotice', () => {
  const closed = { counter: counters[0]!, state: CLOSED, current: null };
  it('says who holds the counter and what to do first', () => {
    expect(counterNotice(facts({ view: held(1, 'hung') }))).toEqual({ key: 'console.busy' });
    expect(counterNotice(facts({ view: closed, heldElsewhere: 2 }))).toEqual({ key: 'console.holdsOther', n: 2 });
    expect(counterNotice(facts({ view: closed }))).toEqual({ key: 'console.openFirst' });
    expect(counterNotice(facts({ view: held(1, 'lan', 'paused') }))).toEqual({ key: 'console.pausedNote' });
    expect(counterNotice(facts())).toBeNull();
    expect(counterNotice(facts({ staffId: null }))).toBeNull();
  });
});

describe('heldElsewhere', () => {
  it('finds the other counter this officer holds', () => {
    const state = applySnapshot(snapshot({ counters: [held(1, 'hung'), held(2, 'lan', 'paused')] }));
    expect(heldElsewhere(state, 'lan', 'quay-1')).toBe(2);
    expect(heldElsewhere(state, 'lan', 'quay-2')).toBeNull();
    expect(heldElsewhere(state, 'tuan', 'quay-1')).toBeNull();
    expect(heldElsewhere(null, 'lan', 'quay-1')).toBeNull();
  });
});

describe('effectiveView', () => {
  it('lays our last answer over the live view of the same counter only', () => {
    const live = held(1, 'lan');
    const called = at('called');
    expect(effectiveView(live, { counterId: 'quay-1', seq: 5, ticket: called })?.current).toBe(called);
    expect(effectiveView(live, { counterId: 'quay-1', seq: 5, ticket: null })?.current).toBeNull();
    expect(effectiveView(live, { counterId: 'quay-1', seq: 5, state: CLOSED })?.state).toBe(CLOSED);
    expect(effectiveView(live, { counterId: 'quay-2', seq: 5, ticket: called })).toBe(live);
    expect(effectiveView(live, null)).toBe(live);
  });
});

describe('pickCounter', () => {
  it('returns the remembered counter when it still exists and is active', () => {
    expect(pickCounter(counters, 'quay-2')).toBe('quay-2');
  });

  it('makes the officer choose otherwise', () => {
    expect(pickCounter(counters, null)).toBeNull();
    expect(pickCounter(counters, 'quay-99')).toBeNull();
    expect(
      pickCounter(
        counters.map((c) => ({ ...c, active: false })),
        'quay-2',
      ),
    ).toBeNull();
  });
});

describe('actionBody', () => {
  it('names the current ticket on every action at it', () => {
    for (const a of ['recall', 'start-serving', 'finish', 'no-show', 'park'] as const) {
      expect(actionBody(a, 't1'), a).toEqual({ ticketId: 't1' });
    }
    expect(actionBody('transfer', 't1', { toServiceId: 'b', toCounterId: '' })).toEqual({ ticketId: 't1', toServiceId: 'b' });
  });

  it('calls by number, resumes by id, and names nothing for call-next', () => {
    expect(actionBody('call-next', 't1')).toEqual({});
    expect(actionBody('call', null, { number: 'A025' })).toEqual({ number: 'A025' });
    expect(actionBody('resume-ticket', null, { ticketId: 'p9' })).toEqual({ ticketId: 'p9' });
  });
});

describe('outcomeKey', () => {
  it('confirms the actions after which the ticket leaves the counter', () => {
    const t = (state: TicketState) => ticket({ id: 't1', number: 'A001', state });
    expect(outcomeKey(t('waiting'))).toBe('console.done.transfer');
    expect(outcomeKey(t('parked'))).toBe('console.done.park');
    expect(outcomeKey(t('no_show'))).toBe('console.done.noShow');
    expect(outcomeKey(t('called'))).toBeNull();
    expect(outcomeKey(t('done'))).toBe('console.done.finish'); // issue #15: not "no ticket at this counter" as if nothing had happened
  });
});

describe('holdsCounter', () => {
  it('is true only for the officer holding an open or paused counter', () => {
    expect(holdsCounter(facts())).toBe(true);
    expect(holdsCounter(facts({ view: held(1, 'lan', 'paused') }))).toBe(true);
    expect(holdsCounter(facts({ view: held(1, 'hung') }))).toBe(false);
    expect(holdsCounter(facts({ view: { counter: counters[0]!, state: CLOSED, current: null } }))).toBe(false);
    expect(holdsCounter(facts({ staffId: null }))).toBe(false);
  });
});

describe('the last recall, and the keys (issue #15)', () => {
  it('warns before the recall that records a no-show: recallCount has reached maxRecalls', () => {
    const called = (recallCount: number) => ({ ...at('called'), recallCount });
    expect(isLastRecall(called(1), 2)).toBe(false);
    expect(isLastRecall(called(2), 2)).toBe(true);
    expect(isLastRecall(called(0), 0)).toBe(true);
    expect(isLastRecall({ ...at('serving'), recallCount: 5 }, 2)).toBe(false);
    expect(isLastRecall(called(9), undefined)).toBe(false);
    expect(isLastRecall(null, 2)).toBe(false);
  });

  it('a finish says what happened, not "no ticket"', () => {
    expect(outcomeKey(ticket({ id: 't1', number: 'A001', state: 'done' }))).toBe('console.done.finish');
  });

  it('maps plain letters outside fields to actions; nothing with a modifier or in a field', () => {
    expect(shortcutAction('g', false, false)).toBe('call-next');
    expect(shortcutAction('G', false, false)).toBe('call-next');
    expect(shortcutAction('t', false, false)).toBe('finish-next');
    expect(shortcutAction('l', false, false)).toBe('recall');
    expect(shortcutAction('g', true, false)).toBeNull();
    expect(shortcutAction('g', false, true)).toBeNull();
    expect(shortcutAction('Enter', false, false)).toBeNull();
    expect(shortcutAction('x', false, false)).toBeNull();
  });
});
