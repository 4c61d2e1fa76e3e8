import { SerialPort } from 'serialport';
import { KeypadEmulator, type KeypadEmulatorOptions } from '../../firmware-bridge/keypad/keypad-emulator.ts';

/**
 * A test "keypad" on a real serial port (the far end of a socat pty pair): the keypad emulator
 * (firmware-bridge/keypad/keypad-emulator.ts) writing its frames to the port and reading the
 * bridge's. `reattach` plugs the same keypad into a new port after the cable was pulled: its
 * state (boot id, sequence, presses not yet ACKed) stays, as on a real keypad.
 */
export interface TestKeypad {
  keypad: KeypadEmulator;
  reattach(path: string): Promise<void>;
  close(): Promise<void>;
}

function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  port.on('error', () => {}); // the cable test pulls it on purpose
  return new Promise((resolve, reject) => port.open((e) => (e ? reject(e) : resolve(port))));
}

export async function openTestKeypad(path: string, id: string, options: Partial<KeypadEmulatorOptions> = {}): Promise<TestKeypad> {
  let port: SerialPort | null = null;
  const keypad = new KeypadEmulator({
    id,
    retransmitMs: 200,
    helloMs: 500,
    ...options,
    write: (bytes) => {
      if (port?.isOpen) port.write(bytes);
    },
  });
  const attach = async (p: string) => {
    port = await openPort(p);
    port.on('data', (chunk: Buffer) => keypad.receive(chunk));
  };
  await attach(path);
  keypad.start();
  return {
    keypad,
    reattach: attach,
    async close() {
      keypad.stop();
      const p = port;
      port = null;
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    },
  };
}

/** Polls until `check` holds (or throws its last failure). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 8000, label = 'condition'): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value;
      last = new Error(`${label}: not yet (${JSON.stringify(value)})`);
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) throw last instanceof Error ? last : new Error(String(last));
    await new Promise((r) => setTimeout(r, 50));
  }
}
