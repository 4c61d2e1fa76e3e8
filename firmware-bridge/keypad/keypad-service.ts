import type { BridgeDevice, DeviceStatus, DeviceStatusReport } from '../../protocol/bridge.schemas.ts';
import type { KeypadArm, KeypadDisarm } from '../../protocol/rating.schemas.ts';
import type { BridgeLogger } from '../log.ts';
import type { KeypadConfig } from './keypad-config.ts';
import type { KeypadEmulator } from './keypad-emulator.ts';
import type { TestMessage } from './keypad-protocol.ts';
import { KeypadSession } from './keypad-session.ts';
import { PressDelivery, type PressSender } from './press-delivery.ts';
import { PressOutbox } from './press-outbox.ts';
import { SerialKeypad, type OpenKeypadSerial } from './serial.keypad.ts';
import { openSimulatedKeypad } from './simulated.keypad.ts';

export interface KeypadServiceOptions {
  keypads: KeypadConfig[];
  /** The outbox lives here (keypad-outbox.ndjson). */
  dataDir: string;
  log: BridgeLogger;
  /** Every keypad simulated (`--simulate`). */
  simulate?: boolean;
  /** Opens real serial ports (tests pass MockBinding ports). */
  open?: OpenKeypadSerial;
  /** A keypad's status changed: the bridge sends `device:status`. */
  onStatus(report: DeviceStatusReport): void;
  now?: () => number;
  timing?: { retryMinMs?: number; retryMaxMs?: number; silenceMs?: number; deliveryRetryMinMs?: number; deliveryRetryMaxMs?: number };
}

interface Managed {
  config: KeypadConfig;
  adapter: SerialKeypad;
  session: KeypadSession;
  /** The simulated keypad behind a "simulate" port. */
  simulated: KeypadEmulator | null;
  last: { status: DeviceStatus; detail?: string };
}

/**
 * The bridge's rating keypads: one serial adapter and protocol session per configured keypad,
 * the on-disk outbox every press goes through, its delivery to the server, and the armed state
 * per counter (the server arms a counter's keypads when a ticket is finished there; a keypad that
 * reboots or comes back while its counter is still armed is armed again with what is left).
 */
export class KeypadService {
  readonly outbox: PressOutbox;
  readonly delivery: PressDelivery;
  private readonly keypads = new Map<string, Managed>();
  /** Armed counters: the command, when it runs out (this PC's clock), and the timer that then sends DISARM. */
  private readonly arms = new Map<string, { arm: KeypadArm; until: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly now: () => number;

  constructor(private readonly options: KeypadServiceOptions) {
    this.now = options.now ?? Date.now;
    this.outbox = new PressOutbox(options.dataDir, () => new Date(this.now()));
    const t = options.timing ?? {};
    this.delivery = new PressDelivery(this.outbox, options.log, this.now, { minMs: t.deliveryRetryMinMs ?? 1000, maxMs: t.deliveryRetryMaxMs ?? 30_000 });
    for (const config of options.keypads) this.add(config);
    const pending = this.outbox.pending().length;
    if (pending > 0) options.log.info(`keypad outbox: ${pending} press(es) from before are waiting for the server`);
  }

  private add(config: KeypadConfig): void {
    const { log } = this.options;
    const t = this.options.timing ?? {};
    let open = this.options.open;
    if (this.options.simulate || config.path === 'simulate') {
      open = () => {
        const made = openSimulatedKeypad(config, log);
        m.simulated = made.keypad;
        return made.port;
      };
    }
    const adapter = new SerialKeypad({
      path: config.path === 'simulate' || this.options.simulate ? `simulated:${config.id}` : config.path,
      baudRate: config.baudRate,
      name: config.id,
      log,
      open,
      retryMinMs: t.retryMinMs,
      retryMaxMs: t.retryMaxMs,
      silenceMs: t.silenceMs,
      onMessage: (message) => {
        m.session.handle(message);
        this.changed(m); // a HELLO's firmware shows in the status detail
      },
      onLink: (reading) => {
        if (reading.status === 'offline') m.session.linkLost();
        this.changed(m);
      },
    });
    const session = new KeypadSession(config, {
      outbox: this.outbox,
      write: (message) => adapter.write(message),
      now: this.now,
      log,
      onNewPress: () => {
        // The keypad put its lights out after the press; so does our record of the arm.
        this.endArm(config.counterId);
        this.delivery.kick();
      },
      onBoot: () => this.rearm(m),
      onProblem: () => this.changed(m),
    });
    const m: Managed = { config, adapter, session, simulated: null, last: { status: 'offline', detail: 'not opened yet' } };
    this.keypads.set(config.id, m);
  }

  start(): void {
    for (const m of this.keypads.values()) m.adapter.start();
  }

  /** What the hello announces. */
  devices(): BridgeDevice[] {
    return [...this.keypads.values()].map((m) => ({ id: m.config.id, kind: 'keypad' as const, counterId: m.config.counterId, ...this.reading(m) }));
  }

  /** What a heartbeat carries. */
  reports(): DeviceStatusReport[] {
    return [...this.keypads.values()].map((m) => ({ deviceId: m.config.id, ...this.reading(m) }));
  }

  /** The simulated keypad of a keypad id (demo, tests). */
  simulated(keypadId: string): KeypadEmulator | null {
    return this.keypads.get(keypadId)?.simulated ?? null;
  }

  /** `keypad:arm` from the server: light the counter's keypads. */
  arm(arm: KeypadArm): number {
    this.endArm(arm.counterId);
    // The window ends here, on the bridge: DISARM then, whatever happens to the server link. A
    // restart of either side loses nothing: the server re-arms with what is left on hello, which
    // starts a new timer for the rest of the window.
    const timer = setTimeout(() => this.windowEnded(arm), arm.seconds * 1000);
    timer.unref?.();
    this.arms.set(arm.counterId, { arm, until: this.now() + arm.seconds * 1000, timer });
    let sent = 0;
    for (const m of this.keypads.values()) {
      if (m.config.counterId !== arm.counterId) continue;
      if (this.sendArm(m, arm.seconds)) sent++;
      else this.options.log.warn(`keypad ${m.config.id}: armed for ticket ${arm.number}, but its port is not open (it is armed when it comes back)`);
    }
    return sent;
  }

  /** `keypad:disarm`: the ticket is rated (or the server withdrew the arm). */
  disarm(disarm: KeypadDisarm): void {
    const current = this.arms.get(disarm.counterId);
    if (current && disarm.ticketId !== null && current.arm.ticketId !== disarm.ticketId) return; // a newer ticket's arm stays
    this.endArm(disarm.counterId);
    this.sendDisarm(disarm.counterId);
  }

  private sendDisarm(counterId: string): void {
    for (const m of this.keypads.values()) {
      if (m.config.counterId === counterId) m.adapter.write({ type: 'DISARM', keypadId: m.config.id });
    }
  }

  /** The arming window of `arm` is over: lights out (docs/keypad-protocol.md, DISARM), unless a newer arm replaced it. */
  private windowEnded(arm: KeypadArm): void {
    const current = this.arms.get(arm.counterId);
    if (current?.arm !== arm) return;
    this.arms.delete(arm.counterId);
    this.options.log.debug(`counter ${arm.counterId}: the rating window of ticket ${arm.number} is over; keypads disarmed`);
    this.sendDisarm(arm.counterId);
  }

  private endArm(counterId: string): void {
    const current = this.arms.get(counterId);
    if (!current) return;
    clearTimeout(current.timer);
    this.arms.delete(counterId);
  }

  /** Beep and/or blink a keypad, so an installer sees which one is which. */
  test(keypadId: string, what: TestMessage['what'] = 'ALL'): boolean {
    const m = this.keypads.get(keypadId);
    return m ? m.adapter.write({ type: 'TEST', keypadId, what }) : false;
  }

  /** The server welcomed the bridge: send the outbox. */
  online(sender: PressSender): void {
    this.delivery.online(sender);
  }

  offline(): void {
    this.delivery.offline();
  }

  async close(): Promise<void> {
    for (const counterId of [...this.arms.keys()]) this.endArm(counterId);
    this.delivery.offline();
    await Promise.allSettled([...this.keypads.values()].map((m) => m.adapter.stop()));
    this.outbox.close();
  }

  private sendArm(m: Managed, seconds: number): boolean {
    const current = this.arms.get(m.config.counterId);
    if (!current) return false;
    return m.adapter.write({
      type: 'ARM',
      keypadId: m.config.id,
      seconds,
      levels: current.arm.scale,
      ticket: current.arm.number,
      counter: current.arm.counterNumber,
    });
  }

  /** A keypad booted or came back: if its counter is still armed, light it for what is left. */
  private rearm(m: Managed): void {
    const current = this.arms.get(m.config.counterId);
    if (!current) return;
    const seconds = Math.floor((current.until - this.now()) / 1000);
    if (seconds < 1) return; // its timer sends DISARM in a moment
    if (this.sendArm(m, seconds)) this.options.log.info(`keypad ${m.config.id}: armed again for ticket ${current.arm.number} (${seconds} s left)`);
  }

  private reading(m: Managed): { status: DeviceStatus; detail?: string } {
    const link = m.adapter.link;
    if (link.status === 'offline') return { status: 'offline', ...(link.detail ? { detail: link.detail.slice(0, 300) } : {}) };
    if (m.session.problem) return { status: 'error', detail: m.session.problem.slice(0, 300) };
    return { status: 'ok', ...(m.session.firmware ? { detail: `firmware ${m.session.firmware}`.slice(0, 300) } : {}) };
  }

  private changed(m: Managed): void {
    const now = this.reading(m);
    if (now.status === m.last.status && now.detail === m.last.detail) return;
    if (now.status !== m.last.status) {
      const line = `keypad ${m.config.id} (counter ${m.config.counterId}): ${now.status}${now.detail ? ` — ${now.detail}` : ''}`;
      if (now.status === 'ok') this.options.log.info(line);
      else this.options.log.warn(line);
    }
    m.last = now;
    this.options.onStatus({ deviceId: m.config.id, ...now });
  }
}
