import type { BridgeLogger } from '../log.ts';
import type { KeypadConfig } from './keypad-config.ts';
import { pressKey, type AnyMessage, type BridgeMessage, type PressMessage } from './keypad-protocol.ts';
import type { PressOutbox } from './press-outbox.ts';

export interface KeypadSessionDeps {
  outbox: PressOutbox;
  /** Writes a frame to this keypad; false when its port is not open. */
  write(message: BridgeMessage): boolean;
  now(): number;
  log: BridgeLogger;
  /** A new press is safe in the outbox (not a retransmission). */
  onNewPress(press: PressMessage): void;
  /** A HELLO from a keypad that just booted (or that this bridge hears for the first time since the link came up). */
  onBoot(): void;
  /** The keypad's own state changed (STATUS, or it names itself differently from the config). */
  onProblem(): void;
}

/**
 * What one keypad says, and the answers (docs/keypad-protocol.md "Behaviour"):
 * - PRESS: stored in the outbox (fsync'ed), then ACKed; a retransmission (same boot id and
 *   sequence, the keypad missed the ACK) is ACKed again and counted once. A new boot id is a
 *   reboot: its sequence starts again at 1 and its keys are new.
 * - HELLO: firmware and boot id; a new boot id means the keypad lost its armed state.
 * - STATUS ERR: the keypad's status is `error` with its detail until STATUS OK.
 * - A frame naming another keypad id than the config's is refused: a press must never rate the
 *   wrong counter because two cables were swapped.
 * No I/O of its own: the adapter feeds it decoded messages.
 */
export class KeypadSession {
  firmware: string | null = null;
  bootId: string | null = null;
  buttons: number | null = null;
  /** Why the keypad is in `error`, or null. */
  problem: string | null = null;
  private greeted = false;
  private readonly strangers = new Set<string>();

  constructor(
    readonly config: KeypadConfig,
    private readonly deps: KeypadSessionDeps,
  ) {}

  /** The link dropped: the next HELLO re-arms the keypad if its counter is still armed. */
  linkLost(): void {
    this.greeted = false;
  }

  handle(message: AnyMessage): void {
    const { log } = this.deps;
    const name = `keypad ${this.config.id}`;
    if (message.type === 'ACK' || message.type === 'ARM' || message.type === 'DISARM' || message.type === 'TEST') {
      log.debug(`${name}: ignored a ${message.type} frame from the keypad's side (echo on the line?)`);
      return;
    }
    if (message.keypadId !== this.config.id) {
      if (!this.strangers.has(message.keypadId)) {
        this.strangers.add(message.keypadId);
        log.warn(
          `${name}: the keypad on ${this.config.path} calls itself "${message.keypadId}"; its frames are ignored until the config or the keypad is fixed`,
        );
      }
      this.setProblem(`the keypad on this port says it is "${message.keypadId}", the config expects "${this.config.id}"`);
      return;
    }
    if (this.problem?.startsWith('the keypad on this port says')) this.setProblem(null);
    switch (message.type) {
      case 'PRESS':
        return this.press(message);
      case 'HELLO': {
        const booted = this.bootId !== message.bootId || !this.greeted;
        if (this.bootId !== null && this.bootId !== message.bootId) log.info(`${name}: rebooted (boot ${this.bootId} → ${message.bootId})`);
        if (this.firmware !== message.firmware) log.info(`${name}: firmware ${message.firmware}${message.buttons ? `, ${message.buttons} buttons` : ''}`);
        this.bootId = message.bootId;
        this.firmware = message.firmware;
        this.buttons = message.buttons;
        this.greeted = true;
        if (booted) this.deps.onBoot();
        return;
      }
      case 'STATUS':
        if (!message.ok) log.warn(`${name}: reports an error: ${message.detail ?? '(no detail)'}`);
        else if (this.problem) log.info(`${name}: ok again`);
        this.setProblem(message.ok ? null : (message.detail ?? 'the keypad reports an error'));
        return;
    }
  }

  private press(p: PressMessage): void {
    const { outbox, log } = this.deps;
    const key = pressKey(p);
    let added: 'added' | 'known';
    try {
      added = outbox.add({
        key,
        keypadId: p.keypadId,
        counterId: this.config.counterId,
        bootId: p.bootId,
        seq: p.seq,
        level: p.level,
        pressedAtMs: this.deps.now() - (p.ageMs ?? 0),
      });
    } catch (error) {
      // Not ACKed: the keypad keeps it and sends it again; the disk problem is loud.
      log.error(`keypad ${this.config.id}: cannot store a press in the outbox; not acknowledged`, error);
      this.setProblem('the bridge cannot write its outbox (disk full or read-only?)');
      return;
    }
    if (this.bootId !== null && this.bootId !== p.bootId) log.info(`keypad ${this.config.id}: rebooted (boot ${this.bootId} → ${p.bootId})`);
    this.bootId = p.bootId;
    this.deps.write({ type: 'ACK', keypadId: p.keypadId, bootId: p.bootId, seq: p.seq });
    if (added === 'added') {
      log.info(`keypad ${this.config.id} (counter ${this.config.counterId}): button ${p.level} (boot ${p.bootId}, #${p.seq})`);
      this.deps.onNewPress(p);
    } else {
      log.debug(`keypad ${this.config.id}: #${p.seq} again (boot ${p.bootId}): acknowledged again, counted once`);
    }
  }

  private setProblem(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.deps.onProblem();
  }
}
