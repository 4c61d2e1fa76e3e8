import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';

/**
 * The serial ports this PC has, to tell an installer what to put in the config (and to say what
 * is there when a configured path is missing). `SerialPort.list()` asks udev; where udev is absent
 * (containers, minimal installs) it fails with `spawn udevadm ENOENT`, so the device folders are
 * listed instead. Stable names live in /dev/serial/by-id (one per USB-serial adapter, the same
 * whichever USB socket it is in): use those in the config.
 */
export interface PortInfo {
  path: string;
  /** "FTDI FT232R (A50285BI)" when udev could tell. */
  description: string | null;
}

type List = () => Promise<{ path: string; manufacturer?: string; serialNumber?: string; pnpId?: string }[]>;

const GLOBS: [dir: string, pattern: RegExp][] = [
  ['/dev/serial/by-id', /./],
  ['/dev', /^tty(USB|ACM)\d+$/],
];

async function globbed(): Promise<PortInfo[]> {
  const found: PortInfo[] = [];
  for (const [dir, pattern] of GLOBS) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => pattern.test(n)).sort()) found.push({ path: `${dir}/${name}`, description: null });
  }
  return found;
}

export async function listSerialPorts(list: List = () => SerialPort.list()): Promise<PortInfo[]> {
  try {
    const ports = await list();
    const byId = (await globbed()).filter((p) => p.path.startsWith('/dev/serial/by-id/'));
    return [
      ...ports.map((p) => ({
        path: p.path,
        description: [p.manufacturer, p.serialNumber ? `(${p.serialNumber})` : null].filter(Boolean).join(' ') || p.pnpId || null,
      })),
      ...byId,
    ];
  } catch {
    // `spawn udevadm ENOENT` and friends: no udev here.
    return globbed();
  }
}
