import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadConfig } from '../../../firmware-bridge/keypad/keypad-config.ts';
import { KeypadParser } from '../../../firmware-bridge/keypad/keypad-parser.ts';
import type { AnyMessage, BridgeMessage } from '../../../firmware-bridge/keypad/keypad-protocol.ts';
import { encodeMessage } from '../../../firmware-bridge/keypad/keypad-protocol.ts';
import { KeypadSession } from '../../../firmware-bridge/keypad/keypad-session.ts';
import { PressOutbox } from '../../../firmware-bridge/keypad/press-outbox.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { frame, recordingLog } from './keypad.fixtures.ts';

/**
 * The keypad side of docs/keypad-protocol.md "Behaviour", from bytes: a parser feeding a
 * session over a real outbox, and the frames the bridge writes back.
 */
const config: KeypadConfig = { id: 'quay-3', path: '/dev/ttyUSB0', baudRate: 9600, counterId: 'quay-3', simulatePressAfterMs: null };
const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

function rig(options: { dataDir?: string } = {}) {
  const dir = tempDir('luot-keypad-session');
  dirs.push(dir);
  const dataDir = options.dataDir ?? dir.path;
  const outbox = new PressOutbox(dataDir);
  const written: string[] = [];
  const events: string[] = [];
  const log = recordingLog();
  let now = 1_000_000;
  const session = new KeypadSession(config, {
    outbox,
    write: (m: BridgeMessage) => {
      written.push(encodeMessage(m).toString('latin1'));
      return true;
    },
    now: () => now,
    log,
    onNewPress: (p) => events.push(`press ${p.bootId}#${p.seq}`),
    onBoot: () => events.push('boot'),
    onProblem: () => events.push(`problem ${session.problem}`),
  });
  const parser = new KeypadParser();
  parser.on('data', (m: AnyMessage) => session.handle(m));
  return {
    session,
    outbox,
    dataDir,
    written,
    events,
    log,
    feed: (...chunks: string[]) => {
      for (const c of chunks) parser.write(Buffer.from(c, 'latin1'));
    },
    setNow: (ms: number) => {
      now = ms;
    },
  };
}

describe('a keypad session', () => {
  it('stores a press, then ACKs it with the same boot id and sequence', () => {
    const r = rig();
    r.feed(frame('PRESS,quay-3,5F2A91C0,1,2,250'));
    expect(r.written).toEqual([frame('ACK,quay-3,5F2A91C0,1')]);
    expect(r.outbox.pending()).toEqual([
      { key: 'quay-3:5F2A91C0:1', keypadId: 'quay-3', counterId: 'quay-3', bootId: '5F2A91C0', seq: 1, level: 2, pressedAtMs: 1_000_000 - 250 },
    ]);
    expect(r.events).toEqual(['press 5F2A91C0#1']);
  });

  it('ACKs a duplicate again and counts it once (the keypad missed the ACK)', () => {
    const r = rig();
    const press = frame('PRESS,quay-3,5F2A91C0,1,2');
    r.feed(press, press, press.slice(0, 10), press.slice(10));
    expect(r.written).toEqual(Array(3).fill(frame('ACK,quay-3,5F2A91C0,1')));
    expect(r.outbox.pending()).toHaveLength(1);
    expect(r.events).toEqual(['press 5F2A91C0#1']);
  });

  it('still ACKs a duplicate after the press was delivered and settled', () => {
    const r = rig();
    r.feed(frame('PRESS,quay-3,AA,1,1'));
    r.outbox.settle('quay-3:AA:1', 'accepted');
    r.feed(frame('PRESS,quay-3,AA,1,1'));
    expect(r.written).toHaveLength(2);
    expect(r.outbox.pending()).toEqual([]);
    expect(r.events).toEqual(['press AA#1']);
  });

  it('treats a new boot id as a reboot: the sequence restarts and its presses are new', () => {
    const r = rig();
    r.feed(frame('HELLO,quay-3,AA,1.0,4'), frame('PRESS,quay-3,AA,1,1'), frame('PRESS,quay-3,AA,2,4'));
    r.feed(frame('HELLO,quay-3,BB,1.0,4'), frame('PRESS,quay-3,BB,1,3'));
    expect(r.outbox.pending().map((p) => [p.key, p.level])).toEqual([
      ['quay-3:AA:1', 1],
      ['quay-3:AA:2', 4],
      ['quay-3:BB:1', 3],
    ]);
    expect(r.written.at(-1)).toBe(frame('ACK,quay-3,BB,1'));
    expect(r.events).toEqual(['boot', 'press AA#1', 'press AA#2', 'boot', 'press BB#1']);
    expect(r.log.at('info')).toContain('keypad quay-3: rebooted (boot AA → BB)');
  });

  it('counts a press once even when the same boot id and sequence come through a bridge restart', () => {
    const r = rig();
    r.feed(frame('PRESS,quay-3,AA,7,2'));
    r.outbox.close();
    const again = rig({ dataDir: r.dataDir });
    again.feed(frame('PRESS,quay-3,AA,7,2'));
    expect(again.written).toEqual([frame('ACK,quay-3,AA,7')]);
    expect(again.outbox.pending()).toHaveLength(1);
    expect(again.events).toEqual([]);
    again.outbox.close();
  });

  it('refuses frames from a keypad naming another id (swapped cables), and says so', () => {
    const r = rig();
    r.feed(frame('PRESS,quay-4,AA,1,1'), frame('PRESS,quay-4,AA,2,1'));
    expect(r.written).toEqual([]);
    expect(r.outbox.pending()).toEqual([]);
    expect(r.session.problem).toMatch(/says it is "quay-4"/);
    expect(r.log.at('warn')).toHaveLength(1);
    r.feed(frame('HELLO,quay-3,AA,1.0,4'));
    expect(r.session.problem).toBeNull();
  });

  it('reports a keypad error until it says OK again', () => {
    const r = rig();
    r.feed(frame('STATUS,quay-3,AA,ERR,button 2 stuck'));
    expect(r.session.problem).toBe('button 2 stuck');
    r.feed(frame('STATUS,quay-3,AA,OK'));
    expect(r.session.problem).toBeNull();
    expect(r.events).toEqual(['problem button 2 stuck', 'problem null']);
  });

  it('does not ACK a press it could not store: the keypad keeps it and sends it again', () => {
    const r = rig();
    r.outbox.close(); // writes now fail (closed file descriptor)
    r.feed(frame('PRESS,quay-3,AA,1,1'));
    expect(r.written).toEqual([]);
    expect(r.session.problem).toMatch(/outbox/);
  });

  it('ignores its own frames echoed back by the line', () => {
    const r = rig();
    r.feed(frame('ACK,quay-3,AA,1'), frame('ARM,quay-3,60,4'));
    expect(r.written).toEqual([]);
    expect(r.events).toEqual([]);
  });

  it('asks for a re-arm on the first HELLO after the link came back', () => {
    const r = rig();
    r.feed(frame('HELLO,quay-3,AA,1.0,4'), frame('HELLO,quay-3,AA,1.0,4'));
    r.session.linkLost();
    r.feed(frame('HELLO,quay-3,AA,1.0,4'));
    expect(r.events).toEqual(['boot', 'boot']);
  });
});
