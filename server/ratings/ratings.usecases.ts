import {
  AppError,
  type KeypadArm,
  type KeypadPress,
  type PressResult,
  type RatingArmView,
  type RatingSource,
  type RatingView,
  type RecordRatingBody,
} from '../../protocol/index.ts';
import type { Principal } from '../accounts/principal.ts';
import { requireCounter } from '../kernel/require-found.ts';
import type { TicketSubscriber } from '../kernel/ticket-subscribers.ts';
import type { BridgeRef } from '../printing/printing.deps.ts';
import { decidePress, GRADE_NAMES, isArmed, isSatisfied, ratingWindow, remainingMs, type Decision } from '../queue/rating.models.ts';
import type { RatingDeps } from './ratings.deps.ts';
import type { PressRecord, RatingArmRecord, RatingRecord } from './ratings.port.ts';

/**
 * Ratings (issue #5, DOMAIN.md "Rating"): finishing a ticket arms its counter's keypad and rating
 * screen; each press — from a keypad through its bridge, the screen, or the API — is decided by
 * the pure rules (queue/rating.models.ts) in one write transaction and recorded with its outcome;
 * an accepted press is the ticket's one rating. A press is identified by its idempotency key: the
 * same key again is answered with the first outcome and counted once.
 */

const iso = (ms: number) => new Date(ms).toISOString();

export const ratingView = (r: RatingRecord): RatingView => ({
  id: r.id,
  centreId: r.centreId,
  ticketId: r.ticketId,
  number: r.number,
  counterId: r.counterId,
  staffId: r.staffId,
  serviceId: r.serviceId,
  level: r.level,
  scale: r.scale,
  grade: r.grade,
  satisfied: r.satisfied,
  source: r.source,
  createdAt: iso(r.createdAtMs),
});

function armView(centreId: string, counterId: string, arm: RatingArmRecord | null, nowMs: number, scaleNow: 3 | 4): RatingArmView {
  const armed = isArmed(arm, nowMs);
  return {
    centreId,
    counterId,
    armed,
    ticketId: armed ? arm!.ticketId : null,
    number: armed ? arm!.number : null,
    scale: armed ? arm!.scale : scaleNow,
    remainingMs: remainingMs(arm, nowMs),
    closesAt: armed ? iso(arm!.closesAtMs) : null,
  };
}

const keypadArm = (arm: RatingArmRecord, counterNumber: number, nowMs: number): KeypadArm => ({
  counterId: arm.counterId,
  ticketId: arm.ticketId,
  number: arm.number || '-',
  counterNumber,
  seconds: Math.max(1, Math.ceil(remainingMs(arm, nowMs) / 1000)),
  scale: arm.scale,
});

/** The hook finishTicket calls inside its transaction: the counter is armed for the finished ticket. */
/** Ratings' subscriber: finishing a ticket arms its counter's keypads and rating screen for it. */
export function armOnFinish(rd: RatingDeps): TicketSubscriber {
  return {
    name: 'ratings',
    async finished(tx, { ticket, counter, settings, at }) {
      const arm = {
        id: rd.ids.newId(),
        centreId: ticket.centreId,
        counterId: counter.id,
        ticketId: ticket.id,
        staffId: ticket.staffId,
        serviceId: ticket.serviceId,
        businessDay: ticket.businessDay,
        scale: settings.ratingScale,
        ...ratingWindow(at.getTime(), settings.ratingWindowSeconds),
      };
      await tx.insertRatingArm(arm);
      tx.afterCommit(() => {
        const record: RatingArmRecord = { ...arm, number: ticket.number, ratedAtMs: null };
        const now = rd.clock.now().getTime();
        try {
          rd.keypads.arm(ticket.centreId, keypadArm(record, counter.number, now));
          rd.ratingNotifier.armed(armView(ticket.centreId, counter.id, record, now, settings.ratingScale));
        } catch (error) {
          rd.log.error(`rating: arming counter ${counter.id} failed`, error);
        }
      });
    },
  };
}

export interface PressInput {
  centreId: string;
  counterId: string;
  source: RatingSource;
  keypadId: string | null;
  bridgeId: string | null;
  /** Namespaced by source ("keypad:…", "screen:…", "api:…"), so one source cannot pre-empt another's key. */
  idempotencyKey: string;
  level: number;
  pressedAt: Date;
}

/** Decides one press and records it (and the rating it makes), in one write transaction. */
export async function recordPress(rd: RatingDeps, input: PressInput): Promise<PressResult> {
  const receivedAtMs = rd.clock.now().getTime();
  const pressedAtMs = Math.min(input.pressedAt.getTime(), receivedAtMs);
  const decided = await rd.store.runInTx({ centreId: input.centreId }, async (tx) => {
    const counter = await tx.getCounter(input.centreId, input.counterId);
    if (!counter) throw new AppError('counter.not_found', `No counter "${input.counterId}" in centre "${input.centreId}".`);
    const press = (p: Pick<PressRecord, 'ticketId' | 'staffId' | 'outcome' | 'ratingId'>): PressRecord => ({
      id: rd.ids.newId(),
      centreId: input.centreId,
      counterId: input.counterId,
      keypadId: input.keypadId,
      bridgeId: input.bridgeId,
      source: input.source,
      level: input.level,
      idempotencyKey: input.idempotencyKey,
      pressedAtMs,
      receivedAtMs,
      ...p,
    });
    const earlier = await tx.findPress(input.centreId, input.idempotencyKey);
    if (earlier) {
      // Delivered again (a lost acknowledgement, a bridge restart): the first decision stands.
      await tx.insertPress(press({ ticketId: earlier.ticketId, staffId: earlier.staffId, outcome: 'duplicate', ratingId: earlier.ratingId }));
      // findPress never answers a 'duplicate' row: those are not decisions.
      return { outcome: earlier.outcome as Decision, duplicate: true, ratingId: earlier.ratingId, counterNumber: counter.number, fresh: false };
    }
    const arm = await tx.armAt(input.centreId, input.counterId, pressedAtMs);
    const { outcome, grade } = decidePress({ pressedAtMs, level: input.level }, arm);
    let ratingId: string | null = null;
    if (outcome === 'accepted' && arm && grade) {
      ratingId = rd.ids.newId();
      await tx.insertRating({
        id: ratingId,
        centreId: input.centreId,
        ticketId: arm.ticketId,
        counterId: input.counterId,
        staffId: arm.staffId,
        serviceId: arm.serviceId,
        businessDay: arm.businessDay,
        level: input.level,
        scale: arm.scale,
        grade,
        satisfied: isSatisfied(grade),
        source: input.source,
        idempotencyKey: input.idempotencyKey,
        pressedAtMs,
        createdAtMs: receivedAtMs,
      });
      await tx.markArmRated(arm.id, receivedAtMs);
    }
    const judged = outcome === 'rejected_disarmed' ? null : arm;
    await tx.insertPress(press({ ticketId: judged?.ticketId ?? null, staffId: judged?.staffId ?? null, outcome, ratingId }));
    return { outcome, duplicate: false, ratingId, counterNumber: counter.number, fresh: true };
  });

  const record = decided.ratingId ? await rd.store.getRating(decided.ratingId) : null;
  const rating = record ? ratingView(record) : null;
  const from = input.keypadId ? `keypad ${input.keypadId}` : input.source;
  if (decided.fresh && rating) {
    rd.log.info(`rating: ticket ${rating.number} at counter ${decided.counterNumber}: ${GRADE_NAMES[rating.grade].vi} (${from})`);
    try {
      rd.ratingNotifier.recorded(rating);
      rd.keypads.disarm(input.centreId, { counterId: input.counterId, ticketId: rating.ticketId });
    } catch (error) {
      rd.log.error('rating: telling the counter failed', error);
    }
  } else if (decided.fresh) {
    rd.log.info(`rating: a press at counter ${decided.counterNumber} (${from}, button ${input.level}): ${decided.outcome}`);
  }
  return { outcome: decided.outcome, duplicate: decided.duplicate, rating };
}

/** `rating:press` from a bridge: a keypad press from its outbox, dated by its age. */
export function keypadPressed(rd: RatingDeps, bridge: BridgeRef, press: KeypadPress): Promise<PressResult> {
  return recordPress(rd, {
    centreId: bridge.centreId,
    counterId: press.counterId,
    source: 'keypad',
    keypadId: press.keypadId,
    bridgeId: bridge.bridgeId,
    idempotencyKey: `keypad:${bridge.bridgeId}:${press.keypadId}:${press.bootId}:${press.seq}`,
    level: press.level,
    pressedAt: new Date(rd.clock.now().getTime() - press.ageMs),
  });
}

/**
 * A rating screen is paired with one counter: it may rate, and read the arm, there and nowhere
 * else. Other callers pass (their permission was checked by the route).
 */
function requireOwnCounter(principal: Principal, counterId: string): void {
  if (principal.kind !== 'device' || principal.deviceKind !== 'rating-screen') return;
  if (principal.counterId !== counterId) {
    throw new AppError('auth.forbidden', `This rating screen is paired with counter "${principal.counterId ?? '?'}", not "${counterId}".`);
  }
}

/**
 * recordRating (HTTP): the customer-facing rating screen of a counter without a keypad (a device
 * paired with that one counter), or an integration (a bridge token, any counter of its centre).
 * Never a staff session: the officer at the counter must not be able to rate their own service
 * (issue #10, docs/security.md). Same rules, same idempotency as the keypads.
 */
export async function recordRating(rd: RatingDeps, principal: Principal, centreId: string, body: RecordRatingBody): Promise<PressResult> {
  if (principal.kind === 'anonymous') throw new AppError('auth.required', 'Pair this device first.');
  if (principal.kind === 'staff') throw new AppError('auth.forbidden', 'Ratings come from the citizen: a rating screen or keypad, never a staff session.');
  requireOwnCounter(principal, body.counterId);
  await requireCounter(rd.store, centreId, body.counterId);
  const screen = principal.deviceKind === 'rating-screen';
  return recordPress(rd, {
    centreId,
    counterId: body.counterId,
    // A rating screen's presses are the screen's, whatever its body says.
    source: screen ? 'screen' : body.source,
    keypadId: null,
    bridgeId: screen ? null : principal.deviceId,
    idempotencyKey: `${body.source}:${body.idempotencyKey}`,
    level: body.level,
    pressedAt: rd.clock.now(),
  });
}

/** Is the counter armed now, for which ticket (the rating screen asks on connect; only for its own counter). */
export async function getRatingArm(rd: RatingDeps, principal: Principal, centreId: string, counterId: string): Promise<RatingArmView> {
  requireOwnCounter(principal, counterId);
  await requireCounter(rd.store, centreId, counterId);
  const now = rd.clock.now().getTime();
  const arm = await rd.store.armAt(centreId, counterId, now);
  return armView(centreId, counterId, arm, now, (await rd.store.getSettings(centreId)).ratingScale);
}

/** A bridge (re)connected: it lights the keypads of counters still armed (a restart loses nothing). */
export async function rearmBridge(rd: RatingDeps, bridge: BridgeRef): Promise<number> {
  const now = rd.clock.now().getTime();
  const open = await rd.store.openArms(bridge.centreId, now);
  if (open.length === 0) return 0;
  const numbers = new Map((await rd.store.listCounters(bridge.centreId)).map((c) => [c.id, c.number]));
  for (const arm of open) rd.keypads.armBridge(bridge, keypadArm(arm, numbers.get(arm.counterId) ?? 1, now));
  return open.length;
}
