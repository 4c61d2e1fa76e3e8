import { EventEmitter } from 'node:events';
import type { BridgeLogger } from '../log.ts';
import type { KeypadConfig } from './keypad-config.ts';
import { KeypadEmulator } from './keypad-emulator.ts';
import type { KeypadSerial } from './serial.keypad.ts';

/**
 * A keypad with no hardware (`"path": "simulate"`, `--simulate`, the demo): the keypad emulator
 * behind an in-memory "serial port", so its frames go through the same parser, session, outbox
 * and delivery as a real keypad's. With `simulatePressAfterMs`, it presses a random button that
 * long after being armed — a citizen who is mostly satisfied — so the demo shows ratings arriving.
 */
export function openSimulatedKeypad(
  config: KeypadConfig,
  log: BridgeLogger,
  random: () => number = Math.random,
): { port: KeypadSerial; keypad: KeypadEmulator } {
  const events = new EventEmitter();
  let open = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const keypad = new KeypadEmulator({
    id: config.id,
    firmware: 'simulated',
    write: (bytes) => {
      if (open) setImmediate(() => events.emit('data', bytes));
    },
    onArm: (arm) => {
      clearTimeout(pending);
      if (config.simulatePressAfterMs === null) return;
      pending = setTimeout(() => {
        if (!keypad.isLit()) return;
        // Mostly satisfied, as SIPAS finds (80–85 %): 1 and 2 most of the time.
        const r = random();
        const level = Math.min(arm.levels, r < 0.5 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4);
        log.info(`simulated keypad ${config.id}: the citizen presses ${level}`);
        keypad.press(level);
      }, config.simulatePressAfterMs);
      pending.unref?.();
    },
  });
  const port: KeypadSerial = {
    get isOpen() {
      return open;
    },
    open(callback) {
      open = true;
      // The adapter listens once told the port is open; the keypad says HELLO after that.
      setImmediate(() => {
        callback(null);
        if (open) keypad.start();
      });
    },
    write(data, callback) {
      keypad.receive(Buffer.from(data));
      callback?.(null);
      return true;
    },
    close(callback) {
      open = false;
      keypad.stop();
      clearTimeout(pending);
      setImmediate(() => {
        events.emit('close');
        callback?.(null);
      });
    },
    on(event: string, listener: (...args: any[]) => void) {
      events.on(event, listener);
      return port;
    },
    removeAllListeners(event?: string) {
      events.removeAllListeners(event);
      return port;
    },
  };
  return { port, keypad };
}
