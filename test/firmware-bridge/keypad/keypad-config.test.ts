import { describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../../firmware-bridge/config.ts';

const base = { serverUrl: 'http://127.0.0.1:3000', token: 'luot_abc.def' };

describe('keypads in the bridge config', () => {
  it('maps each keypad id to its counter, at 9600 baud unless told', () => {
    const c = parseBridgeConfig({ ...base, keypads: [{ id: 'quay-1', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0', counterId: 'quay-1' }] });
    expect(c.keypads).toEqual([
      { id: 'quay-1', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0', baudRate: 9600, counterId: 'quay-1', simulatePressAfterMs: null },
    ]);
  });

  it('refuses a relative path, a long id, duplicate ids and an id a printer has', () => {
    const bad =
      (keypads: unknown[], printers: unknown[] = []) =>
      () =>
        parseBridgeConfig({ ...base, keypads, printers });
    expect(bad([{ id: 'k1', path: 'ttyUSB0', counterId: 'quay-1' }])).toThrow(/keypads.0.path/);
    expect(bad([{ id: 'k'.repeat(21), path: '/dev/ttyUSB0', counterId: 'quay-1' }])).toThrow(/keypads.0.id/);
    expect(
      bad([
        { id: 'k1', path: '/dev/ttyUSB0', counterId: 'quay-1' },
        { id: 'k1', path: '/dev/ttyUSB1', counterId: 'quay-2' },
      ]),
    ).toThrow(/keypad ids must be unique/);
    expect(bad([{ id: 'p1', path: '/dev/ttyUSB0', counterId: 'quay-1' }], [{ id: 'p1', kioskId: null, interface: 'simulate' }])).toThrow(
      /differ from the printer ids/,
    );
    expect(bad([{ id: 'k1', path: '/dev/ttyUSB0', counterId: 'quay-1', extra: true }])).toThrow();
  });

  it('takes "simulate" for a keypad without hardware', () => {
    const c = parseBridgeConfig({ ...base, keypads: [{ id: 'k1', path: 'simulate', counterId: 'quay-1', simulatePressAfterMs: 5000 }] });
    expect(c.keypads[0]).toMatchObject({ path: 'simulate', simulatePressAfterMs: 5000 });
  });
});
