import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The keypads' outbox: every press the bridge accepted from a keypad, appended to
 * `<dataDir>/keypad-outbox.ndjson` and fsync'ed **before** the keypad is ACKed, and a `done` line
 * once the server has answered it. Pending presses (no `done`) are delivered in the order they
 * were pressed, one at a time, after an outage and after a restart of the bridge; the server
 * counts each idempotency key once, so a press whose answer was lost is simply sent again.
 *
 * The keys of settled presses are kept (the newest KEEP of them) so a keypad retransmitting a
 * press the bridge already forwarded — it missed the ACK — is ACKed again and not counted twice.
 */
export interface OutboxPress {
  /** Idempotency key: keypad id, boot id, sequence (keypad-protocol.ts pressKey). */
  key: string;
  keypadId: string;
  counterId: string;
  bootId: string;
  seq: number;
  level: number;
  /** When the button was pressed, by this PC's clock (epoch ms); only differences are sent. */
  pressedAtMs: number;
}

type Line = { press: OutboxPress } | { done: string; outcome: string; at: string };

export const OUTBOX_FILE = 'keypad-outbox.ndjson';
/** Settled keys remembered for duplicates (a keypad retransmits for seconds, not days). */
const KEEP = 2000;

export class PressOutbox {
  /** Pending presses in order; insertion order of a Map is the delivery order. */
  private readonly waiting = new Map<string, OutboxPress>();
  /** Settled keys, oldest first, with their outcome. */
  private readonly settled = new Map<string, string>();
  private readonly file: string;
  private fd: number;
  private linesSinceCompaction = 0;

  constructor(
    dataDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, OUTBOX_FILE);
    if (existsSync(this.file)) {
      for (const text of readFileSync(this.file, 'utf8').split('\n')) {
        if (!text.trim()) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          continue; // a line torn by a power cut while appending: the press was never ACKed, the keypad sends it again
        }
        this.apply(line);
      }
    }
    if (this.settled.size > KEEP) this.compact();
    this.fd = openSync(this.file, 'a');
    // A torn last line must not swallow the next entry.
    if (!/(^|\n)$/.test(readFileSync(this.file, 'utf8'))) writeSync(this.fd, '\n');
  }

  /** Known already (pending or settled)? Then the keypad only needs its ACK again. */
  has(key: string): boolean {
    return this.waiting.has(key) || this.settled.has(key);
  }

  /** Durably stores a new press; 'known' (nothing written) for a retransmission. Returns once fsync'ed. */
  add(press: OutboxPress): 'added' | 'known' {
    if (this.has(press.key)) return 'known';
    this.append({ press });
    return 'added';
  }

  /** The oldest press not yet answered by the server. */
  next(): OutboxPress | undefined {
    return this.waiting.values().next().value;
  }

  pending(): OutboxPress[] {
    return [...this.waiting.values()];
  }

  /** The outcome the server gave a settled key. */
  outcomeOf(key: string): string | undefined {
    return this.settled.get(key);
  }

  /** The server answered this press: it is never sent again. */
  settle(key: string, outcome: string): void {
    if (!this.waiting.has(key)) return;
    this.append({ done: key, outcome, at: this.clock().toISOString() });
    if (this.linesSinceCompaction > 4 * KEEP) {
      closeSync(this.fd);
      this.compact();
      this.fd = openSync(this.file, 'a');
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private apply(line: Line): void {
    if ('press' in line && line.press && typeof line.press.key === 'string') {
      if (!this.settled.has(line.press.key)) this.waiting.set(line.press.key, line.press);
    } else if ('done' in line && typeof line.done === 'string') {
      this.waiting.delete(line.done);
      this.settled.delete(line.done);
      this.settled.set(line.done, String(line.outcome));
      while (this.settled.size > KEEP * 2) this.settled.delete(this.settled.keys().next().value!);
    }
  }

  private append(line: Line): void {
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fsyncSync(this.fd);
    this.linesSinceCompaction++;
    this.apply(line);
  }

  /** Rewrites the file with the newest KEEP settled keys and every pending press, atomically. */
  private compact(): void {
    const at = this.clock().toISOString();
    const kept = [...this.settled.entries()].slice(-KEEP);
    this.settled.clear();
    for (const [k, o] of kept) this.settled.set(k, o);
    const lines = [
      // Settled first: a pending press is never settled, so order between the two groups does not matter.
      ...kept.map(([done, outcome]) => JSON.stringify({ done, outcome, at })),
      ...[...this.waiting.values()].map((press) => JSON.stringify({ press })),
    ];
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, lines.map((l) => `${l}\n`).join(''));
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.file);
    this.linesSinceCompaction = 0;
  }
}
