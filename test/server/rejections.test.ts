import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, errorStatus, type ErrorCode } from '../../protocol/index.ts';
import { callNext, finishTicket, markNoShow, startServing } from '../../server/counters.usecases.ts';
import { installCentre } from '../../server/setup.usecases.ts';
import { getTicketStatus, issueTicket } from '../../server/tickets.usecases.ts';
import { HCM, HN, hcmCentre, hnCentre, TODAY } from '../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../helpers/deps.ts';
import { centreState } from '../helpers/store-state.ts';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps({ centres: [hcmCentre, hnCentre] });
});
afterEach(() => deps.store.close());

const issue = (serviceId: string, centreId = HCM) => issueTicket(deps, { centreId, serviceId });
const counter = (counterId: string, extra: { staffId?: string; ticketId?: string } = {}) => ({ centreId: HCM, counterId, ...extra });

/**
 * Runs a request that must be refused and proves it changed nothing: same tickets, audit trail,
 * sequence, waiting counts and counters in both centres, nothing published, and no id drawn.
 */
async function expectRejected(run: () => Promise<unknown>, code: ErrorCode) {
  const before = [await centreState(deps.store, HCM, [TODAY]), await centreState(deps.store, HN, [TODAY])];
  const facts = deps.notifier.facts.length;
  const idsDrawn = deps.ids.issued.length;
  const error = await run().then(
    (value) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).status).toBe(errorStatus[code]);
  expect((error as AppError).message.length).toBeGreaterThan(0);
  const after = [await centreState(deps.store, HCM, [TODAY]), await centreState(deps.store, HN, [TODAY])];
  expect(after).toEqual(before);
  expect(deps.notifier.facts.length).toBe(facts);
  expect(deps.ids.issued.length).toBe(idsDrawn);
}

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
  it('call with an empty queue', () => expectRejected(() => callNext(deps, counter('quay-1')), 'queue.empty'));

  it('call while the counter still attends a ticket', async () => {
    await issue('ho-tich');
    await issue('ho-tich');
    await callNext(deps, counter('quay-1'));
    await expectRejected(() => callNext(deps, counter('quay-1')), 'counter.has_current_ticket');
    await startServing(deps, counter('quay-1'));
    await expectRejected(() => callNext(deps, counter('quay-1')), 'counter.has_current_ticket');
  });

  it('finish, start or no-show with nothing current', async () => {
    await issue('ho-tich');
    await expectRejected(() => finishTicket(deps, counter('quay-1')), 'counter.no_current_ticket');
    await expectRejected(() => startServing(deps, counter('quay-1')), 'counter.no_current_ticket');
    await expectRejected(() => markNoShow(deps, counter('quay-1')), 'counter.no_current_ticket');
  });

  it('finish naming another ticket than the current one', async () => {
    const a1 = (await issue('ho-tich')).ticket;
    const a2 = (await issue('ho-tich')).ticket;
    await callNext(deps, counter('quay-1'));
    await callNext(deps, counter('quay-4'));
    await expectRejected(() => finishTicket(deps, counter('quay-1', { ticketId: a2.id })), 'counter.ticket_mismatch');
    await expectRejected(() => finishTicket(deps, counter('quay-1', { ticketId: 'id-9999' })), 'counter.ticket_mismatch');
    expect((await finishTicket(deps, counter('quay-1', { ticketId: a1.id }))).ticket.state).toBe('done');
  });

  it('a step the life cycle does not allow', async () => {
    await issue('ho-tich');
    await callNext(deps, counter('quay-1'));
    await startServing(deps, counter('quay-1'));
    await expectRejected(() => startServing(deps, counter('quay-1')), 'ticket.invalid_transition');
    await expectRejected(() => markNoShow(deps, counter('quay-1')), 'ticket.invalid_transition');
  });

  it('unknown or inactive counter, unknown staff', async () => {
    await issue('ho-tich');
    await expectRejected(() => callNext(deps, counter('quay-77')), 'counter.not_found');
    await expectRejected(() => callNext(deps, counter('quay-9')), 'counter.inactive');
    await expectRejected(() => callNext(deps, counter('quay-1', { staffId: 'ghost' })), 'staff.not_found');
    // Staff of another centre is unknown here.
    await expectRejected(() => callNext(deps, counter('quay-1', { staffId: 'ha' })), 'staff.not_found');
    await expectRejected(() => callNext(deps, { centreId: 'nowhere', counterId: 'quay-1' }), 'centre.not_found');
  });
});
