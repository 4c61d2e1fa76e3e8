import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeypadService } from '../../../firmware-bridge/keypad/keypad-service.ts';
import type { KeypadSerial, OpenKeypadSerial } from '../../../firmware-bridge/keypad/serial.keypad.ts';
import type { DeviceStatusReport } from '../../../protocol/index.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { frame, recordingLog } from './keypad.fixtures.ts';

/** The bridge's keypads over MockBinding ports: status, arming, re-arming, presses into the outbox. */
const PATH = '/dev/ttyKP1';
let ports: SerialPortMock[];
const open: OpenKeypadSerial = ({ path, baudRate }) => {
  const port = new SerialPortMock({ path, baudRate, autoOpen: false });
  ports.push(port);
  return port as unknown as KeypadSerial;
};
const until = async (check: () => boolean, ms = 3000) => {
  const t = Date.now();
  while (!check()) {
    if (Date.now() - t > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let dir: { path: string; remove(): void };
let service: KeypadService;
let reports: DeviceStatusReport[];
beforeEach(() => {
  ports = [];
  reports = [];
  dir = tempDir('luot-keypad-service');
  SerialPortMock.binding.reset();
  SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
  service = new KeypadService({
    keypads: [{ id: 'k1', path: PATH, baudRate: 9600, counterId: 'quay-1', simulatePressAfterMs: null }],
    dataDir: dir.path,
    log: recordingLog(),
    open,
    onStatus: (r) => reports.push(r),
    timing: { retryMinMs: 10, retryMaxMs: 40 },
  });
  service.start();
});
afterEach(async () => {
  await service.close();
  SerialPortMock.binding.reset();
  dir.remove();
});

const port = () => ports.at(-1)!;
const emit = (text: string) => port().port!.emitData(Buffer.from(text, 'latin1'));
const written = () => port().port!.recording.toString('latin1');
const arm = { counterId: 'quay-1', ticketId: 't1', number: 'A025', counterNumber: 1, seconds: 60, scale: 4 as const };

describe('the keypad service', () => {
  it('announces the keypad with its counter, offline until it says HELLO, then ok', async () => {
    expect(service.devices()).toEqual([expect.objectContaining({ id: 'k1', kind: 'keypad', counterId: 'quay-1', status: 'offline' })]);
    await until(() => port()?.isOpen === true);
    emit(frame('HELLO,k1,AA,2.1,4'));
    await until(() => service.reports()[0]?.status === 'ok');
    expect(service.reports()).toEqual([{ deviceId: 'k1', status: 'ok', detail: 'firmware 2.1' }]);
    expect(reports.at(-1)).toEqual({ deviceId: 'k1', status: 'ok', detail: 'firmware 2.1' });
  });

  it('lights the keypads of the armed counter only, and puts them out on disarm', async () => {
    await until(() => port()?.isOpen === true);
    expect(service.arm({ ...arm, counterId: 'quay-9' })).toBe(0);
    expect(service.arm(arm)).toBe(1);
    service.disarm({ counterId: 'quay-1', ticketId: 't1' });
    await until(() => written().includes('DISARM'));
    expect(written()).toBe(frame('ARM,k1,60,4,A025,1') + frame('DISARM,k1'));
  });

  it('sends DISARM when the arming window ends (a newer arm restarts the window)', async () => {
    await until(() => port()?.isOpen === true);
    service.arm({ ...arm, seconds: 1 });
    await new Promise((r) => setTimeout(r, 600));
    service.arm({ ...arm, ticketId: 't2', number: 'A026', seconds: 1 });
    // 1.3 s after the first arm: its window would be over, but the newer arm replaced it.
    await new Promise((r) => setTimeout(r, 700));
    expect(written()).toBe(frame('ARM,k1,1,4,A025,1') + frame('ARM,k1,1,4,A026,1'));
    await until(() => written().includes('DISARM'), 2000);
    expect(written()).toBe(frame('ARM,k1,1,4,A025,1') + frame('ARM,k1,1,4,A026,1') + frame('DISARM,k1'));
    // Once: a disarm from the server afterwards finds nothing armed and only repeats the lights-out.
    await new Promise((r) => setTimeout(r, 1200));
    expect(written().match(/DISARM/g)).toHaveLength(1);
  });

  it('keeps a newer ticket’s arm when an older one is disarmed', async () => {
    await until(() => port()?.isOpen === true);
    service.arm({ ...arm, ticketId: 't2', number: 'A026' });
    service.disarm({ counterId: 'quay-1', ticketId: 't1' });
    await new Promise((r) => setTimeout(r, 20));
    expect(written()).toBe(frame('ARM,k1,60,4,A026,1'));
  });

  it('arms a keypad again when it reboots while its counter is armed', async () => {
    await until(() => port()?.isOpen === true);
    emit(frame('HELLO,k1,AA,2.1,4'));
    await until(() => service.reports()[0]?.status === 'ok');
    service.arm(arm);
    emit(frame('HELLO,k1,BB,2.1,4')); // rebooted: lights lost
    await until(() => written().split('ARM,k1').length === 3);
    expect(written()).toMatch(/ARM,k1,(59|60),4,A025,1\*/);
  });

  it('stores a press, ACKs it, and forgets the arm (the keypad put its lights out)', async () => {
    await until(() => port()?.isOpen === true);
    service.arm(arm);
    emit(frame('PRESS,k1,AA,1,1'));
    await until(() => written().includes('ACK'));
    expect(service.outbox.pending()).toEqual([expect.objectContaining({ key: 'k1:AA:1', counterId: 'quay-1', level: 1 })]);
    emit(frame('HELLO,k1,CC,2.1,4'));
    await new Promise((r) => setTimeout(r, 30));
    expect(written().split('ARM,k1').length).toBe(2); // no re-arm after the press
  });
});
