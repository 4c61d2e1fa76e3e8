import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyMessage } from '../../../firmware-bridge/keypad/keypad-protocol.ts';
import { SerialKeypad, SILENCE_MS, type KeypadSerial, type LinkReading, type OpenKeypadSerial } from '../../../firmware-bridge/keypad/serial.keypad.ts';
import { frame, recordingLog } from './keypad.fixtures.ts';

/**
 * The serial adapter over @serialport/binding-mock: open, read frames, write frames, and
 * recover by itself when the port disappears (cable pulled) or the keypad falls silent.
 */
const PATH = '/dev/ttyKEYPAD0';
const HELLO = frame('HELLO,k1,AA,1.0,4');

let ports: SerialPortMock[];
const open: OpenKeypadSerial = ({ path, baudRate }) => {
  const port = new SerialPortMock({ path, baudRate, autoOpen: false });
  ports.push(port);
  return port as unknown as KeypadSerial;
};

function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

function rig(options: { silenceMs?: number } = {}) {
  const messages: AnyMessage[] = [];
  const links: LinkReading[] = [];
  const log = recordingLog();
  const keypad = new SerialKeypad({
    path: PATH,
    baudRate: 9600,
    name: 'k1',
    log,
    open,
    onMessage: (m) => messages.push(m),
    onLink: (r) => links.push(r),
    retryMinMs: 10,
    retryMaxMs: 40,
    silenceMs: options.silenceMs ?? 60_000,
  });
  const current = () => ports.at(-1)!;
  const emit = (text: string) => current().port!.emitData(Buffer.from(text, 'latin1'));
  return { keypad, messages, links, log, current, emit };
}

beforeEach(() => {
  ports = [];
  SerialPortMock.binding.reset();
});
afterEach(() => SerialPortMock.binding.reset());

describe('the serial keypad adapter', () => {
  it('opens the port 9600 8N1, reads frames (even split), writes frames', async () => {
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    const r = rig();
    r.keypad.start();
    await until(() => r.current()?.isOpen === true);
    expect(r.current().baudRate).toBe(9600);
    expect(r.keypad.link.status).toBe('offline'); // open, but nothing heard yet
    r.emit(HELLO.slice(0, 7));
    r.emit(HELLO.slice(7));
    await until(() => r.messages.length === 1);
    expect(r.messages[0]).toMatchObject({ type: 'HELLO', keypadId: 'k1', firmware: '1.0' });
    expect(r.keypad.link).toEqual({ status: 'ok' });
    expect(r.keypad.write({ type: 'ACK', keypadId: 'k1', bootId: 'AA', seq: 3 })).toBe(true);
    await until(() => r.current().port!.recording.length > 0);
    expect(r.current().port!.recording.toString('latin1')).toBe(frame('ACK,k1,AA,3'));
    await r.keypad.stop();
    expect(r.current().isOpen).toBe(false);
  });

  it('reports offline when the cable is pulled, and reconnects by itself when it is back', async () => {
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    const r = rig();
    r.keypad.start();
    await until(() => r.current()?.isOpen === true);
    r.emit(HELLO);
    await until(() => r.keypad.link.status === 'ok');

    // Pulled: the device node is gone and the open port closes.
    SerialPortMock.binding.reset();
    r.current().close();
    await until(() => r.keypad.link.status === 'offline' && /cannot open/.test(r.keypad.link.detail ?? ''));
    expect(r.keypad.write({ type: 'DISARM', keypadId: 'k1' })).toBe(false);
    const attempts = ports.length;
    await until(() => ports.length >= attempts + 2); // it keeps trying, with backoff

    // Plugged back in.
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    await until(() => r.current().isOpen === true);
    r.emit(HELLO);
    await until(() => r.keypad.link.status === 'ok');
    const statuses = r.links.map((l) => l.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['offline', 'ok', 'offline', 'ok']);
    expect(r.log.at('warn').some((l) => l.includes(`${PATH} closed`))).toBe(true);
    await r.keypad.stop();
  });

  it('waits for a port that does not exist yet, saying once what ports there are', async () => {
    const r = rig();
    r.keypad.start();
    await until(() => /cannot open/.test(r.keypad.link.detail ?? ''));
    await until(() => ports.length >= 3);
    await until(() => r.log.at('warn').length === 1);
    expect(r.log.at('warn')[0]).toMatch(/cannot open \/dev\/ttyKEYPAD0 .*Serial ports here:/);
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    await until(() => r.current().isOpen === true);
    r.emit(HELLO);
    await until(() => r.keypad.link.status === 'ok');
    expect(r.log.at('warn')).toHaveLength(1);
    await r.keypad.stop();
  });

  it('reports a keypad that falls silent on an open port as offline', async () => {
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    const r = rig({ silenceMs: 80 });
    r.keypad.start();
    await until(() => r.current()?.isOpen === true);
    r.emit(HELLO);
    await until(() => r.keypad.link.status === 'ok');
    await until(() => r.keypad.link.status === 'offline');
    expect(r.keypad.link.detail).toMatch(/no frame from the keypad/);
    r.emit(HELLO);
    await until(() => r.keypad.link.status === 'ok');
    await r.keypad.stop();
  });

  it('reads offline exactly 35 s after the last frame (docs/keypad-protocol.md), not up to a polling period later', async () => {
    // Timers and Date are fake; the mock binding runs on process.nextTick, which stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const settle = async (check: () => boolean) => {
      for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setImmediate(r));
      expect(check()).toBe(true);
    };
    try {
      SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
      const r = rig({ silenceMs: SILENCE_MS });
      expect(SILENCE_MS).toBe(35_000);
      r.keypad.start();
      await settle(() => r.current()?.isOpen === true);
      for (const phase of [1_300, 7_777]) {
        vi.advanceTimersByTime(phase); // frames arrive at any moment, not in step with a timer
        r.emit(HELLO);
        await settle(() => r.keypad.link.status === 'ok');
        vi.advanceTimersByTime(SILENCE_MS - 1);
        expect(r.keypad.link.status).toBe('ok');
        vi.advanceTimersByTime(1);
        expect(r.keypad.link).toMatchObject({ status: 'offline', detail: expect.stringMatching(/no frame from the keypad for 35 s/) });
      }
      await r.keypad.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts line noise in the parser instead of passing it on', async () => {
    SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
    const r = rig();
    r.keypad.start();
    await until(() => r.current()?.isOpen === true);
    r.emit(`\x00\x13garbage${frame('PRESS,k1,AA,1,1').replace('*', '*0')}${HELLO}`);
    await until(() => r.messages.length === 1);
    expect(r.messages.map((m) => m.type)).toEqual(['HELLO']);
    expect(r.keypad.parsers.at(-1)!.stats.dropped).toMatchObject({ garbage: 9, checksum: 1 });
    expect(r.log.at('debug').length).toBeGreaterThan(0);
    await r.keypad.stop();
  });
});
