import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadArm, KeypadDisarm, RatingArmView, RatingView } from '../../../protocol/index.ts';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import type { RatingDeps } from '../../../server/ratings/ratings.deps.ts';
import { armOnFinish, getRatingArm, keypadPressed, rearmBridge, recordPress, recordRating } from '../../../server/ratings/ratings.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { HCM, HUNG, LAN } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { open, setSettings } from '../counters/counter-workflow.harness.ts';

/**
 * The rating use cases over a real SQLite store: finishing arms the counter, presses are decided
 * by the rules and recorded with their outcome, one rating per ticket, idempotent by key, and the
 * arm outlives a server restart.
 */
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
/** The rating screen paired with one counter (issue #10). */
const screenAt = (counterId: string) => ({
  kind: 'device' as const,
  centreId: HCM,
  deviceId: `rate-${counterId}`,
  deviceKind: 'rating-screen' as const,
  counterId,
});

type Rig = TestDeps &
  RatingDeps & {
    armed: { centreId: string; arm: KeypadArm }[];
    disarmed: KeypadDisarm[];
    bridgeArms: KeypadArm[];
    armFacts: RatingArmView[];
    recorded: RatingView[];
  };

async function rig(filename?: string): Promise<Rig> {
  const deps = await makeDeps({ filename });
  const r: Rig = {
    ...deps,
    armed: [],
    disarmed: [],
    bridgeArms: [],
    armFacts: [],
    recorded: [],
    keypads: {
      arm: (centreId, arm) => (r.armed.push({ centreId, arm }), 1),
      disarm: (_c, d) => void r.disarmed.push(d),
      armBridge: (_b, arm) => void r.bridgeArms.push(arm),
    },
    ratingNotifier: { armed: (v) => void r.armFacts.push(v), recorded: (v) => void r.recorded.push(v) },
    log: quiet,
  };
  r.subscribers = [armOnFinish(r)];
  return r;
}

/** A ticket served at quay-1 by Lan, finished now. */
async function served(r: Rig, counterId = 'quay-1') {
  await issueTicket(r, { centreId: HCM, serviceId: 'ho-tich' });
  await callNext(r, { centreId: HCM, counterId, actor: counterId === 'quay-1' ? LAN : HUNG });
  return (await finishTicket(r, { centreId: HCM, counterId, actor: counterId === 'quay-1' ? LAN : HUNG })).ticket;
}

const press = (r: Rig, key: string, level = 1, ageMs = 0) =>
  keypadPressed(r, { centreId: HCM, bridgeId: 'b1' }, { keypadId: 'kp1', counterId: 'quay-1', bootId: 'AA', seq: Number(key), level, ageMs });

const rigs: Rig[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.store.close();
  for (const d of dirs.splice(0)) d.remove();
});
async function fresh(filename?: string) {
  const r = await rig(filename);
  rigs.push(r);
  await open(r, ['quay-1', LAN], ['quay-2', HUNG]);
  return r;
}

describe('arming', () => {
  it('arms the counter’s keypads and screen when a ticket is finished there, with ticket number and counter', async () => {
    const r = await fresh();
    const ticket = await served(r);
    expect(r.armed).toEqual([
      { centreId: HCM, arm: { counterId: 'quay-1', ticketId: ticket.id, number: ticket.number, counterNumber: 1, seconds: 60, scale: 4 } },
    ]);
    expect(r.armFacts).toEqual([
      expect.objectContaining({ counterId: 'quay-1', armed: true, ticketId: ticket.id, number: ticket.number, remainingMs: 60_000, scale: 4 }),
    ]);
    expect(await getRatingArm(r, screenAt('quay-1'), HCM, 'quay-1')).toMatchObject({ armed: true, ticketId: ticket.id });
    r.clock.advance(60_000);
    expect(await getRatingArm(r, screenAt('quay-1'), HCM, 'quay-1')).toMatchObject({ armed: false, ticketId: null, remainingMs: 0 });
  });

  it('takes the window and the scale from the centre’s settings', async () => {
    const r = await fresh();
    await setSettings(r, { ratingWindowSeconds: 20, ratingScale: 3 });
    await served(r);
    expect(r.armed[0]!.arm).toMatchObject({ seconds: 20, scale: 3 });
  });

  it('does not arm for a no-show', async () => {
    const r = await fresh();
    await issueTicket(r, { centreId: HCM, serviceId: 'ho-tich' });
    await callNext(r, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    const { markNoShow } = await import('../../../server/counters/calls.usecases.ts');
    await markNoShow(r, { centreId: HCM, counterId: 'quay-1', actor: LAN });
    expect(r.armed).toEqual([]);
  });
});

describe('presses', () => {
  it('makes the first valid press in the window the ticket’s rating, with officer, counter and service', async () => {
    const r = await fresh();
    const ticket = await served(r);
    r.clock.advance(5_000);
    const result = await press(r, '1', 2);
    expect(result).toEqual({
      outcome: 'accepted',
      duplicate: false,
      rating: expect.objectContaining({
        ticketId: ticket.id,
        number: ticket.number,
        counterId: 'quay-1',
        staffId: 'lan',
        serviceId: 'ho-tich',
        level: 2,
        scale: 4,
        grade: 'satisfied',
        satisfied: true,
        source: 'keypad',
      }),
    });
    expect(r.recorded).toHaveLength(1);
    expect(r.disarmed).toEqual([{ counterId: 'quay-1', ticketId: ticket.id }]);
    expect(await getRatingArm(r, screenAt('quay-1'), HCM, 'quay-1')).toMatchObject({ armed: false });
  });

  it('records later presses as rejected and never as ratings (double press, late press, while disarmed)', async () => {
    const r = await fresh();
    expect((await press(r, '1')).outcome).toBe('rejected_disarmed'); // nothing finished there yet
    await served(r);
    expect((await press(r, '2', 4)).outcome).toBe('accepted');
    expect((await press(r, '3', 1)).outcome).toBe('rejected_already_rated');
    await served(r);
    r.clock.advance(63_000);
    expect((await press(r, '4', 1)).outcome).toBe('rejected_late');
    const presses = await r.store.listPresses(HCM);
    expect(presses.map((p) => p.outcome).reverse()).toEqual(['rejected_disarmed', 'accepted', 'rejected_already_rated', 'rejected_late']);
    expect(presses.every((p) => p.keypadId === 'kp1' && p.bridgeId === 'b1' && p.counterId === 'quay-1')).toBe(true);
    expect(await r.store.listRatings(HCM)).toHaveLength(1);
  });

  it('judges a press kept through an outage by when it was pressed, not when it arrived', async () => {
    const r = await fresh();
    const ticket = await served(r);
    r.clock.advance(10 * 60_000); // the bridge could not reach the server for ten minutes
    const result = await press(r, '1', 1, 10 * 60_000 - 3_000);
    expect(result.outcome).toBe('accepted');
    expect(result.rating?.ticketId).toBe(ticket.id);
  });

  it('gives a press to the ticket in front of the counter at that moment, even if the next one was finished since', async () => {
    const r = await fresh();
    const first = await served(r);
    r.clock.advance(20_000);
    const second = await served(r);
    r.clock.advance(5_000);
    // Pressed 10 s after the first finish, delivered after the second.
    const late = await press(r, '1', 3, 15_000);
    expect(late.rating?.ticketId).toBe(first.id);
    const now = await press(r, '2', 1);
    expect(now.rating?.ticketId).toBe(second.id);
  });

  it('counts the same press once, however often it is delivered, and answers with the first outcome', async () => {
    const r = await fresh();
    await served(r);
    const first = await press(r, '7', 1);
    const again = await press(r, '7', 1);
    expect(again).toEqual({ ...first, duplicate: true });
    await served(r);
    expect((await press(r, '7', 1)).duplicate).toBe(true); // still the old press, not a rating of the new ticket
    expect(await r.store.listRatings(HCM)).toHaveLength(1);
    const outcomes = (await r.store.listPresses(HCM)).map((p) => p.outcome).reverse();
    expect(outcomes).toEqual(['accepted', 'duplicate', 'duplicate']);
  });

  it('refuses a button the 3-level scale does not have', async () => {
    const r = await fresh();
    await setSettings(r, { ratingScale: 3 });
    await served(r);
    expect((await press(r, '1', 4)).outcome).toBe('rejected_invalid');
    const ok = await press(r, '2', 3);
    expect(ok.rating).toMatchObject({ level: 3, scale: 3, grade: 'dissatisfied', satisfied: false });
  });

  it('keeps the keys of different sources apart', async () => {
    const r = await fresh();
    await served(r);
    const viaApi = await recordPress(r, {
      centreId: HCM,
      counterId: 'quay-1',
      source: 'api',
      keypadId: null,
      bridgeId: null,
      idempotencyKey: 'api:same',
      level: 1,
      pressedAt: r.clock.now(),
    });
    const viaScreen = await recordPress(r, {
      centreId: HCM,
      counterId: 'quay-1',
      source: 'screen',
      keypadId: null,
      bridgeId: null,
      idempotencyKey: 'screen:same',
      level: 1,
      pressedAt: r.clock.now(),
    });
    expect([viaApi.outcome, viaScreen.outcome]).toEqual(['accepted', 'rejected_already_rated']);
  });
});

describe('recordRating (screen and API)', () => {
  const body = (over: object = {}) => ({ counterId: 'quay-1', level: 1, idempotencyKey: 'screen-abcdef01', source: 'screen' as const, ...over });

  it("lets the counter's rating screen rate there, once per key, as the screen whatever the body says", async () => {
    const r = await fresh();
    await served(r);
    const result = await recordRating(r, screenAt('quay-1'), HCM, body({ source: 'api' }));
    expect(result.rating).toMatchObject({ source: 'screen', level: 1 });
    expect(await recordRating(r, screenAt('quay-1'), HCM, body({ source: 'api' }))).toEqual({ ...result, duplicate: true });
    expect((await r.store.listPresses(HCM))[0]).toMatchObject({ bridgeId: null, keypadId: null, source: 'screen' });
  });

  it('refuses a rating screen at another counter (rating and reading the arm), and an unknown counter', async () => {
    const r = await fresh();
    await served(r);
    await expect(recordRating(r, screenAt('quay-2'), HCM, body())).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(getRatingArm(r, screenAt('quay-2'), HCM, 'quay-1')).rejects.toMatchObject({ code: 'auth.forbidden' });
    await expect(
      recordRating(r, { kind: 'device', centreId: HCM, deviceId: 'b1', deviceKind: 'bridge' }, HCM, body({ counterId: 'nope' })),
    ).rejects.toMatchObject({
      code: 'counter.not_found',
    });
    expect(await r.store.listPresses(HCM)).toEqual([]);
  });

  it('refuses every staff session, the officer holding the counter first (issue #10: no rating of one’s own service)', async () => {
    const r = await fresh();
    await served(r); // LAN holds quay-1 and has just finished its ticket
    for (const role of ['staff', 'manager', 'admin'] as const) {
      const officer = { kind: 'staff' as const, centreId: HCM, staffId: 'lan', role, sessionId: 's' };
      await expect(recordRating(r, officer, HCM, body())).rejects.toMatchObject({ code: 'auth.forbidden', status: 403 });
    }
    expect(await r.store.listPresses(HCM)).toEqual([]);
    expect(await getRatingArm(r, screenAt('quay-1'), HCM, 'quay-1')).toMatchObject({ armed: true });
  });

  it('lets a bridge device rate any counter of its centre', async () => {
    const r = await fresh();
    await served(r);
    const bridge = { kind: 'device' as const, centreId: HCM, deviceId: 'b1', deviceKind: 'bridge' as const };
    const result = await recordRating(r, bridge, HCM, body({ source: 'api' }));
    expect(result.rating?.source).toBe('api');
    expect((await r.store.listPresses(HCM))[0]).toMatchObject({ bridgeId: 'b1', keypadId: null });
  });
});

describe('a server restart', () => {
  it('keeps the arm: a bridge that reconnects is armed with what is left, and a press after it still counts', async () => {
    const dir = tempDir('luot-ratings');
    dirs.push(dir);
    const file = `${dir.path}/luot.sqlite`;
    const r = await fresh(file);
    const ticket = await served(r);
    r.clock.advance(15_000);
    await r.store.close();
    rigs.splice(rigs.indexOf(r), 1);

    const after = await rig(file);
    rigs.push(after);
    after.clock.set(r.clock.now());
    expect(await rearmBridge(after, { centreId: HCM, bridgeId: 'b1' })).toBe(1);
    expect(after.bridgeArms).toEqual([expect.objectContaining({ counterId: 'quay-1', ticketId: ticket.id, seconds: 45 })]);
    after.clock.advance(10_000);
    expect((await press(after, '1', 2)).rating?.ticketId).toBe(ticket.id);
    expect(await rearmBridge(after, { centreId: HCM, bridgeId: 'b1' })).toBe(0); // spent
  });

  it('a new store file migrates with the ratings tables', async () => {
    const store = await createSqliteStore({ filename: ':memory:' });
    expect(await store.listRatings('any')).toEqual([]);
    await store.close();
  });
});
