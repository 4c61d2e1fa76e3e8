import { randomBytes } from 'node:crypto';
import { KeypadParser } from './keypad-parser.ts';
import { encodeMessage, MAX_SEQ, type ArmMessage, type BridgeMessage, type KeypadMessage } from './keypad-protocol.ts';

/**
 * A rating keypad's firmware, in TypeScript: what docs/keypad-protocol.md asks of a keypad.
 * HELLO at power-up and every `helloMs`; a press is sent with the next sequence number and
 * retransmitted every `retransmitMs` until the bridge ACKs that boot id and sequence; ARM lights
 * the buttons for the given seconds, a press or DISARM or the timeout puts them out; a reboot
 * takes a new boot id and starts the sequence at 1 again (unACKed presses in RAM are lost, as on
 * the real thing). The integration tests drive it over real ptys, the demo uses it as the
 * simulated keypad of each counter, and it is the reference for firmware authors.
 */
export interface KeypadEmulatorOptions {
  id: string;
  bootId?: string;
  firmware?: string;
  buttons?: 3 | 4;
  /** Bytes to the bridge. */
  write(bytes: Buffer): void;
  retransmitMs?: number;
  /** Heartbeat; null: HELLO only at start. */
  helloMs?: number | null;
  now?: () => number;
  /** Told when an ARM arrives (the demo presses a button a little later). */
  onArm?(arm: ArmMessage): void;
}

export const newBootId = (): string => randomBytes(4).toString('hex').toUpperCase();

export class KeypadEmulator {
  bootId: string;
  seq = 0;
  /** Lit until (epoch ms), when armed. */
  armed: (ArmMessage & { until: number }) | null = null;
  /** Presses not ACKed yet, by sequence. */
  readonly unacked = new Map<number, { level: number; pressedAt: number }>();
  /** Every frame the bridge sent, in order. */
  readonly received: BridgeMessage[] = [];
  readonly parser = new KeypadParser();
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly now: () => number;

  constructor(private readonly options: KeypadEmulatorOptions) {
    this.bootId = options.bootId ?? newBootId();
    this.now = options.now ?? Date.now;
    this.parser.on('data', (m: KeypadMessage | BridgeMessage) => this.onFrame(m));
  }

  start(): void {
    this.hello();
    const retransmit = setInterval(() => this.retransmit(), this.options.retransmitMs ?? 300);
    retransmit.unref?.();
    this.timers.push(retransmit);
    if (this.options.helloMs !== null) {
      const beat = setInterval(() => this.hello(), this.options.helloMs ?? 5000);
      beat.unref?.();
      this.timers.push(beat);
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /** Bytes from the bridge. */
  receive(bytes: Buffer): void {
    this.parser.write(bytes);
  }

  isLit(): boolean {
    return this.armed !== null && this.now() < this.armed.until;
  }

  /** The citizen presses button `level` (lit or not: a keypad reports every press, the server judges). */
  press(level: number): number {
    if (this.seq >= MAX_SEQ) this.reboot(); // the sequence never wraps within one boot id
    const seq = ++this.seq;
    this.unacked.set(seq, { level, pressedAt: this.now() });
    this.armed = null;
    this.sendPress(seq);
    return seq;
  }

  /** Power cycle: a new boot id, the sequence from 1, RAM (armed state, unACKed presses) lost. */
  reboot(bootId = newBootId()): void {
    this.bootId = bootId;
    this.seq = 0;
    this.unacked.clear();
    this.armed = null;
    this.hello();
  }

  hello(): void {
    this.send({
      type: 'HELLO',
      keypadId: this.options.id,
      bootId: this.bootId,
      firmware: this.options.firmware ?? 'emu-1.0',
      buttons: this.options.buttons ?? 4,
    });
  }

  status(ok: boolean, detail: string | null = null): void {
    this.send({ type: 'STATUS', keypadId: this.options.id, bootId: this.bootId, ok, detail });
  }

  private sendPress(seq: number): void {
    const p = this.unacked.get(seq);
    if (!p) return;
    this.send({ type: 'PRESS', keypadId: this.options.id, bootId: this.bootId, seq, level: p.level, ageMs: Math.max(0, this.now() - p.pressedAt) });
  }

  private retransmit(): void {
    for (const seq of this.unacked.keys()) this.sendPress(seq);
  }

  private send(m: KeypadMessage): void {
    this.options.write(encodeMessage(m));
  }

  private onFrame(m: KeypadMessage | BridgeMessage): void {
    if (m.keypadId !== this.options.id) return; // addressed to another keypad on a shared line
    if (m.type === 'PRESS' || m.type === 'HELLO' || m.type === 'STATUS') return; // our own echo
    this.received.push(m);
    switch (m.type) {
      case 'ACK':
        if (m.bootId === this.bootId) this.unacked.delete(m.seq);
        return;
      case 'ARM':
        this.armed = { ...m, until: this.now() + m.seconds * 1000 };
        this.options.onArm?.(m);
        return;
      case 'DISARM':
        this.armed = null;
        return;
      case 'TEST':
        return; // a real keypad beeps or blinks
    }
  }
}
