import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../protocol/index.ts';
import { callNext, finishTicket, markNoShow, startServing } from '../../../server/counters/calls.usecases.ts';
import { pauseCounter } from '../../../server/counters/counters.usecases.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { getTicketStatus, issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, HUNG, LAN, TODAY } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { at, expectRejected as rejected, open } from './counter-workflow.harness.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

const issue = (serviceId: string, centreId = HCM) => issueTicket(deps, { centreId, serviceId });

/** Refused, and nothing changed in either centre: see the harness. */
const expectRejected = (run: () => Promise<unknown>, code: ErrorCode) => rejected(deps, run, code, { centres: [HCM, HN], days: [TODAY] });

describe('refused ticket requests change nothing', () => {
  beforeEach(async () => {
    await issue('ho-tich');
    await issue('dat-dai');
  });

  it('unknown centre', () => expectRejected(() => issue('ho-tich', 'nowhere'), 'centre.not_found'));
  it('unknown service', () => expectRejected(() => issue('xay-dung'), 'service.not_found'));
  it('a service of another centre', () => expectRejected(() => issue('hn-only'), 'service.not_found'));
  it('inactive service', () => expectRejected(() => issue('closed'), 'service.inactive'));
  it('unknown ticket', () => expectRejected(() => getTicketStatus(deps, 'id-9999'), 'ticket.not_found'));

  it('the next ticket still gets the next number', async () => {
    await expectRejected(() => issue('closed'), 'service.inactive');
    await expectRejected(() => issue('xay-dung'), 'service.not_found');
    expect((await issue('ho-tich')).ticket.number).toBe('A002');
  });
});

describe('an exhausted band', () => {
  beforeEach(async () => {
    expect((await issue('tiny')).ticket.number).toBe('5001');
    expect((await issue('tiny')).ticket.number).toBe('5002');
  });

  it('refuses with service.numbers_exhausted and changes nothing', async () => {
    await expectRejected(() => issue('tiny'), 'service.numbers_exhausted');
    await expectRejected(() => issue('tiny'), 'service.numbers_exhausted');
  });

  it('does not consume the sequence: widening the band gives the very next number', async () => {
    await expectRejected(() => issue('tiny'), 'service.numbers_exhausted');
    await expectRejected(() => issue('tiny'), 'service.numbers_exhausted');
    const tiny = hcmCentre.services.find((s) => s.id === 'tiny')!;
    await installCentre(deps.store, { ...hcmCentre, services: [{ ...tiny, numbering: { mode: 'band', start: 5001, end: 5009 } }] });
    const next = await issue('tiny');
    expect(next.ticket).toMatchObject({ seq: 3, number: '5003' });
  });

  it('does not affect other services', async () => {
    await expectRejected(() => issue('tiny'), 'service.numbers_exhausted');
    expect((await issue('ho-tich')).ticket.number).toBe('A001');
  });
});

describe('refused counter requests change nothing', () => {
  beforeEach(() => open(deps, ['quay-1', LAN], ['quay-4', HUNG]));

  it('call with an empty queue', () => expectRejected(() => callNext(deps, at('quay-1')), 'queue.empty'));

  it('call while the counter still attends a ticket', async () => {
    await issue('ho-tich');
    await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    await expectRejected(() => callNext(deps, at('quay-1')), 'counter.has_current_ticket');
    await startServing(deps, at('quay-1'));
    await expectRejected(() => callNext(deps, at('quay-1')), 'counter.has_current_ticket');
  });

  it('finish, start or no-show with nothing current', async () => {
    await issue('ho-tich');
    await expectRejected(() => finishTicket(deps, at('quay-1')), 'counter.no_current_ticket');
    await expectRejected(() => startServing(deps, at('quay-1')), 'counter.no_current_ticket');
    await expectRejected(() => markNoShow(deps, at('quay-1')), 'counter.no_current_ticket');
  });

  it('finish naming another ticket than the current one', async () => {
    const a1 = (await issue('ho-tich')).ticket;
    const a2 = (await issue('ho-tich')).ticket;
    await callNext(deps, at('quay-1'));
    await callNext(deps, at('quay-4', HUNG));
    await expectRejected(() => finishTicket(deps, at('quay-1', LAN, { ticketId: a2.id })), 'counter.ticket_mismatch');
    await expectRejected(() => finishTicket(deps, at('quay-1', LAN, { ticketId: 'id-9999' })), 'counter.ticket_mismatch');
    expect((await finishTicket(deps, at('quay-1', LAN, { ticketId: a1.id }))).ticket.state).toBe('done');
  });

  it('a step the life cycle does not allow', async () => {
    await issue('ho-tich');
    await callNext(deps, at('quay-1'));
    await startServing(deps, at('quay-1'));
    await expectRejected(() => startServing(deps, at('quay-1')), 'ticket.invalid_transition');
    await expectRejected(() => markNoShow(deps, at('quay-1')), 'ticket.invalid_transition');
  });

  it('unknown or inactive counter, unknown centre', async () => {
    await issue('ho-tich');
    await expectRejected(() => callNext(deps, at('quay-77')), 'counter.not_found');
    await expectRejected(() => callNext(deps, at('quay-9')), 'counter.inactive');
    await expectRejected(() => callNext(deps, { centreId: 'nowhere', counterId: 'quay-1', actor: LAN }), 'centre.not_found');
  });

  it('an officer at a counter they do not hold: closed, held by another, or on a break', async () => {
    // Issue #3: the officer comes from the session and must hold the counter (was: staff.not_found for unknown staff ids).
    await issue('ho-tich');
    await expectRejected(() => callNext(deps, at('quay-2')), 'counter.closed');
    await expectRejected(() => callNext(deps, at('quay-4')), 'counter.not_held');
    await expectRejected(() => callNext(deps, { centreId: HN, counterId: 'quay-1', actor: LAN }), 'counter.closed');
    await pauseCounter(deps, at('quay-1'));
    await expectRejected(() => callNext(deps, at('quay-1')), 'counter.paused');
  });
});
