import type { KeypadPress, PressResult } from '../../protocol/rating.schemas.ts';
import type { BridgeLogger } from '../log.ts';
import type { OutboxPress, PressOutbox } from './press-outbox.ts';

/** What became of one attempt to hand a press to the server. */
export type SendResult =
  /** The server decided (and committed) — or recognised it as already decided. */
  | { kind: 'answered'; result: PressResult }
  /** The server will never take it (unknown counter, invalid payload): retrying cannot help. */
  | { kind: 'refused'; code: string; message: string }
  /** Not connected, no answer in time, or an internal error: keep it and try again. */
  | { kind: 'unreachable'; reason: string };

export type PressSender = (press: KeypadPress) => Promise<SendResult>;

/** The server refuses anything older (KeypadPressSchema): a press kept that long is reported and dropped. */
const MAX_AGE_MS = 7 * 86_400_000;

/**
 * Empties the outbox into the server, oldest press first, one at a time, so presses arrive in
 * the order they were made. A press leaves the outbox only once the server has answered it;
 * until then it is sent again (after a reconnection, or a backoff of 1 s doubling to 30 s). The
 * server counts each idempotency key once, so "sent again" never means "counted twice".
 */
export class PressDelivery {
  private sender: PressSender | null = null;
  private running = false;
  private retryMs: number;
  private wake: (() => void) | null = null;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    private readonly outbox: PressOutbox,
    private readonly log: BridgeLogger,
    private readonly now: () => number = Date.now,
    private readonly retry: { minMs: number; maxMs: number } = { minMs: 1000, maxMs: 30_000 },
  ) {
    this.retryMs = retry.minMs;
  }

  /** The server welcomed the bridge: deliver through `sender`. */
  online(sender: PressSender): void {
    this.sender = sender;
    this.retryMs = this.retry.minMs;
    this.kick();
  }

  offline(): void {
    this.sender = null;
    this.wake?.();
  }

  /** A new press is in the outbox (or the link came back): deliver now. */
  kick(): void {
    if (this.wake) return this.wake();
    if (!this.running) void this.run();
  }

  /** Resolves when nothing is left to deliver (tests). */
  drained(): Promise<void> {
    if (!this.outbox.next() && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let press = this.outbox.next(); press && this.sender; press = this.outbox.next()) {
        const delivered = await this.deliver(this.sender, press);
        if (!delivered) await this.pause();
      }
    } catch (error) {
      this.log.error('keypad presses: delivery stopped on an unexpected error; retrying', error);
      setTimeout(() => this.kick(), this.retry.maxMs).unref?.();
    } finally {
      this.running = false;
      if (!this.outbox.next()) for (const w of [...this.idleWaiters]) w();
      if (!this.outbox.next()) this.idleWaiters.clear();
    }
  }

  /** True when the press left the outbox. */
  private async deliver(sender: PressSender, press: OutboxPress): Promise<boolean> {
    const ageMs = Math.max(0, this.now() - press.pressedAtMs);
    const what = `press ${press.key} (counter ${press.counterId}, button ${press.level})`;
    if (ageMs > MAX_AGE_MS) {
      this.log.error(`${what}: more than 7 days old; the server would refuse it — dropped`);
      this.outbox.settle(press.key, 'refused:too_old');
      return true;
    }
    const result = await sender({
      keypadId: press.keypadId,
      counterId: press.counterId,
      bootId: press.bootId,
      seq: press.seq,
      level: press.level,
      ageMs: Math.round(ageMs),
    });
    switch (result.kind) {
      case 'answered': {
        const { outcome, duplicate, rating } = result.result;
        this.outbox.settle(press.key, outcome);
        this.retryMs = this.retry.minMs;
        const rated = rating ? ` — ticket ${rating.number} rated ${rating.grade}` : '';
        this.log.info(`${what}: ${outcome}${duplicate ? ' (already delivered)' : ''}${rated}`);
        return true;
      }
      case 'refused':
        // A config mistake (the counter id does not exist …): loud, and out of the way of the next presses.
        this.log.error(`${what}: refused by the server (${result.code}: ${result.message}); dropped — check the keypad's counterId`);
        this.outbox.settle(press.key, `refused:${result.code}`);
        return true;
      case 'unreachable':
        this.log.warn(`${what}: not delivered (${result.reason}); kept in the outbox, retrying in ${Math.round(this.retryMs / 1000)} s`);
        return false;
    }
  }

  /** Waits for the backoff, a reconnection, or a new press, whichever comes first. */
  private pause(): Promise<void> {
    const ms = this.retryMs;
    this.retryMs = Math.min(this.retry.maxMs, this.retryMs * 2);
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
