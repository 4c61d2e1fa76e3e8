import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeConfigError, loadBridgeConfig, parseBridgeConfig, tcpAddress } from '../../firmware-bridge/config.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const minimal = {
  serverUrl: 'http://192.168.1.10:3000',
  token: 'luot_bridge-1.s3cret',
  printers: [{ id: 'p1', kioskId: 'kiosk-1', interface: 'tcp://192.168.1.50' }],
};

describe('bridge config', () => {
  it('fills every default', () => {
    const c = parseBridgeConfig(minimal, {}, '/etc/luot');
    expect(c.dataDir).toBe('/etc/luot/bridge-data');
    expect(c.simulateDir).toBe('/etc/luot/bridge-data/printed');
    expect(c.statusPollMs).toBe(10_000);
    expect(c.printers[0]).toMatchObject({
      type: 'epson',
      width: 80,
      mode: 'raster',
      statusQuery: true,
      timeoutMs: 5000,
      template: { showEnglish: true, footer: null, showQr: true },
    });
    expect(tcpAddress(c.printers[0]!.interface)).toEqual({ host: '192.168.1.50', port: 9100 });
  });

  it('takes the server URL and token from the environment over the file', () => {
    const c = parseBridgeConfig({ printers: [] }, { LUOT_SERVER_URL: 'http://10.0.0.2:3000', LUOT_BRIDGE_TOKEN: 'luot_b.x' });
    expect([c.serverUrl, c.token]).toEqual(['http://10.0.0.2:3000', 'luot_b.x']);
  });

  it('accepts every interface kind', () => {
    const printers = [
      { id: 'net', kioskId: 'k1', interface: 'tcp://printer.local:9101' },
      { id: 'usb', kioskId: 'k2', interface: '/dev/usb/lp0', width: 58, mode: 'ascii' },
      { id: 'com', kioskId: null, interface: { serial: { path: '/dev/ttyUSB0' } }, type: 'star', mode: 'cp1258', codePage: 30 },
      { id: 'sim', kioskId: 'k3', interface: 'simulate' },
    ];
    const c = parseBridgeConfig({ ...minimal, printers });
    expect(c.printers.map((p) => p.interface)).toEqual([
      'tcp://printer.local:9101',
      '/dev/usb/lp0',
      { serial: { path: '/dev/ttyUSB0', baudRate: 9600 } },
      'simulate',
    ]);
  });

  it('says what is wrong, key by key', () => {
    const bad = () =>
      parseBridgeConfig({
        serverUrl: 'ftp://x',
        token: 'not-a-token',
        printers: [
          { id: 'p1', kioskId: 'k', interface: 'lpt1' },
          { id: 'p1', kioskId: 'k', interface: 'tcp://h', type: 'star', mode: 'cp1258' },
        ],
      });
    expect(bad).toThrow(BridgeConfigError);
    const message = (() => {
      try {
        bad();
      } catch (e) {
        return (e as Error).message;
      }
    })()!;
    expect(message).toMatch(/serverUrl/);
    expect(message).toMatch(/token: a bridge device token/);
    expect(message).toMatch(/printers\.0\.interface/);
    expect(message).toMatch(/printers\.1\.codePage: cp1258 mode on a star printer needs codePage/);
    expect(() => parseBridgeConfig({ ...minimal, printers: [minimal.printers[0], minimal.printers[0]] })).toThrow(/unique/);
    expect(() => parseBridgeConfig({ ...minimal, colour: 'red' })).toThrow(/Unrecognized key/);
  });

  it('reads a file, resolving paths against its folder', () => {
    const dir = tempDir('luot-bridge-config');
    try {
      const file = join(dir.path, 'bridge.json');
      writeFileSync(file, JSON.stringify({ ...minimal, dataDir: 'state', printers: [{ ...minimal.printers[0], logo: 'logo.png' }] }));
      const c = loadBridgeConfig(file, {});
      expect(c.dataDir).toBe(join(dir.path, 'state'));
      expect(c.printers[0]!.logo).toBe(join(dir.path, 'logo.png'));
      writeFileSync(file, '{ not json');
      expect(() => loadBridgeConfig(file, {})).toThrow(/Cannot read the bridge configuration/);
    } finally {
      dir.remove();
    }
  });
});
