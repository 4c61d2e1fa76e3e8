import { afterEach, describe, expect, it } from 'vitest';
import { PressDelivery, type SendResult } from '../../../firmware-bridge/keypad/press-delivery.ts';
import { PressOutbox, type OutboxPress } from '../../../firmware-bridge/keypad/press-outbox.ts';
import type { KeypadPress } from '../../../protocol/rating.schemas.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { recordingLog } from './keypad.fixtures.ts';

const press = (seq: number): OutboxPress => ({
  key: `k1:AA:${seq}`,
  keypadId: 'k1',
  counterId: 'quay-1',
  bootId: 'AA',
  seq,
  level: 2,
  pressedAtMs: 10_000 + seq,
});
const answered = (outcome: 'accepted' | 'rejected_late' = 'accepted', duplicate = false): SendResult => ({
  kind: 'answered',
  result: { outcome, duplicate, rating: null },
});

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});
function rig() {
  const d = tempDir('luot-delivery');
  dirs.push(d);
  const outbox = new PressOutbox(d.path);
  const log = recordingLog();
  const delivery = new PressDelivery(outbox, log, () => 20_000, { minMs: 5, maxMs: 20 });
  return { outbox, log, delivery };
}

describe('press delivery', () => {
  it('sends pending presses oldest first, one at a time, with their age', async () => {
    const { outbox, delivery } = rig();
    for (const n of [1, 2, 3]) outbox.add(press(n));
    const sent: KeypadPress[] = [];
    let inFlight = 0;
    delivery.online(async (p) => {
      expect(++inFlight).toBe(1);
      sent.push(p);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return answered();
    });
    await delivery.drained();
    expect(sent.map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(sent[0]).toEqual({ keypadId: 'k1', counterId: 'quay-1', bootId: 'AA', seq: 1, level: 2, ageMs: 20_000 - 10_001 });
    expect(outbox.pending()).toEqual([]);
    outbox.close();
  });

  it('keeps a press the server did not answer and sends it again, still first', async () => {
    const { outbox, delivery, log } = rig();
    outbox.add(press(1));
    outbox.add(press(2));
    const attempts: number[] = [];
    let fail = 2;
    delivery.online(async (p) => {
      attempts.push(p.seq);
      return fail-- > 0 ? { kind: 'unreachable', reason: 'no answer in time' } : answered();
    });
    await delivery.drained();
    expect(attempts).toEqual([1, 1, 1, 2]);
    expect(log.at('warn')).toHaveLength(2);
    outbox.close();
  });

  it('settles a duplicate with the first delivery’s outcome, and drops what the server refuses for good', async () => {
    const { outbox, delivery, log } = rig();
    outbox.add(press(1));
    outbox.add(press(2));
    delivery.online(async (p) => (p.seq === 1 ? answered('rejected_late', true) : { kind: 'refused', code: 'counter.not_found', message: 'No counter' }));
    await delivery.drained();
    expect(outbox.outcomeOf('k1:AA:1')).toBe('rejected_late');
    expect(outbox.outcomeOf('k1:AA:2')).toBe('refused:counter.not_found');
    expect(log.at('error')[0]).toMatch(/check the keypad's counterId/);
    outbox.close();
  });

  it('waits while offline, and delivers on the next welcome', async () => {
    const { outbox, delivery } = rig();
    outbox.add(press(1));
    delivery.kick(); // no sender yet: nothing happens
    const sent: number[] = [];
    await new Promise((r) => setTimeout(r, 20));
    delivery.online(async (p) => {
      sent.push(p.seq);
      return answered();
    });
    await delivery.drained();
    expect(sent).toEqual([1]);
    outbox.close();
  });
});
