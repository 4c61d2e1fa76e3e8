import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTBOX_FILE, PressOutbox, type OutboxPress } from '../../../firmware-bridge/keypad/press-outbox.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const press = (seq: number, bootId = 'AA'): OutboxPress => ({
  key: `k1:${bootId}:${seq}`,
  keypadId: 'k1',
  counterId: 'quay-1',
  bootId,
  seq,
  level: 1 + (seq % 4),
  pressedAtMs: 1000 * seq,
});

const dirs: { remove(): void }[] = [];
const dir = () => {
  const d = tempDir('luot-outbox');
  dirs.push(d);
  return d.path;
};
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('the keypad outbox', () => {
  it('keeps presses in order until settled, and knows them afterwards', () => {
    const box = new PressOutbox(dir());
    expect(box.add(press(1))).toBe('added');
    expect(box.add(press(2))).toBe('added');
    expect(box.add(press(1))).toBe('known');
    expect(box.next()?.key).toBe('k1:AA:1');
    box.settle('k1:AA:1', 'accepted');
    expect(box.pending().map((p) => p.seq)).toEqual([2]);
    expect(box.has('k1:AA:1')).toBe(true);
    expect(box.outcomeOf('k1:AA:1')).toBe('accepted');
    expect(box.add(press(1))).toBe('known');
    box.close();
  });

  it('survives a restart: pending presses in order, settled ones still known', () => {
    const path = dir();
    const box = new PressOutbox(path);
    for (const n of [1, 2, 3]) box.add(press(n));
    box.settle('k1:AA:2', 'rejected_late');
    box.close();
    const again = new PressOutbox(path);
    expect(again.pending().map((p) => p.seq)).toEqual([1, 3]);
    expect(again.pending()[0]).toEqual(press(1));
    expect(again.add(press(2))).toBe('known');
    again.close();
  });

  it('ignores a line torn by a power cut and starts the next entry on a new line', () => {
    const path = dir();
    const box = new PressOutbox(path);
    box.add(press(1));
    box.close();
    appendFileSync(join(path, OUTBOX_FILE), '{"press":{"key":"k1:AA:2","keyp');
    const again = new PressOutbox(path);
    expect(again.pending().map((p) => p.seq)).toEqual([1]);
    again.add(press(3));
    again.close();
    const third = new PressOutbox(path);
    expect(third.pending().map((p) => p.seq)).toEqual([1, 3]);
    third.close();
  });

  it('compacts a long history but keeps every pending press and the recent keys', () => {
    const path = dir();
    const box = new PressOutbox(path);
    for (let n = 1; n <= 2600; n++) {
      box.add(press(n));
      if (n !== 5) box.settle(press(n).key, 'accepted');
    }
    box.close();
    const again = new PressOutbox(path);
    expect(again.pending().map((p) => p.seq)).toEqual([5]);
    expect(again.has(press(2600).key)).toBe(true);
    expect(again.has(press(10).key)).toBe(false); // forgotten: older than the newest 2000
    expect(readFileSync(join(path, OUTBOX_FILE), 'utf8').split('\n').length).toBeLessThan(2100);
    again.close();
  });
});
