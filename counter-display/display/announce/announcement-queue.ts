/**
 * Announcements one after another: a new call never cuts off the one being spoken, it waits its
 * turn; a recall (a new call of the same ticket) is queued and said again. The player does the
 * sound (speech synthesis, recorded clips, or a silent stand-in in tests); this module only
 * orders. Pure: no DOM, no audio, timers injectable — tested in node with a fake player.
 */
import type { Announcement } from './announcement.ts';

/** played: heard; muted: the browser still blocks sound (see docs/voice.md); failed: an error. */
export type PlayOutcome = 'played' | 'muted' | 'failed';

export interface Player {
  /** Plays the chime and the announcement; resolves when the last sound has ended. */
  play(announcement: Announcement): Promise<PlayOutcome>;
  /** Stops a play the queue gave up waiting for (a speech engine that never says "end"). */
  stop?(): void;
}

export interface PlayedEntry {
  announcement: Announcement;
  outcome: PlayOutcome | 'dropped' | 'timeout';
}

export interface QueueOptions {
  /** Oldest waiting announcements are dropped beyond this; a backlog of minutes helps nobody. */
  maxPending?: number;
  /** How long one announcement may take before the queue moves on (a hung speech engine). */
  maxPlayMs?: number;
  /** How many finished entries `history` keeps. */
  historySize?: number;
  onChange?: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class AnnouncementQueue {
  private readonly waiting: Announcement[] = [];
  private readonly done: PlayedEntry[] = [];
  /** Keys queued so far (bounded): the same call delivered twice is said once. */
  private readonly known = new Set<string>();
  private current: Announcement | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly maxPending: number;
  private readonly maxPlayMs: number;
  private readonly historySize: number;

  constructor(
    private readonly player: Player,
    private readonly options: QueueOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 12;
    this.maxPlayMs = options.maxPlayMs ?? 30_000;
    this.historySize = options.historySize ?? 20;
  }

  get playing(): Announcement | null {
    return this.current;
  }

  get pending(): readonly Announcement[] {
    return this.waiting;
  }

  /** Finished entries, oldest first. */
  get history(): readonly PlayedEntry[] {
    return this.done;
  }

  /** Queues an announcement; false if this very call was queued before. */
  enqueue(announcement: Announcement): boolean {
    if (this.known.has(announcement.key)) return false;
    this.known.add(announcement.key);
    if (this.known.size > 500) this.known.delete(this.known.values().next().value!);
    this.waiting.push(announcement);
    while (this.waiting.length > this.maxPending) this.finish(this.waiting.shift()!, 'dropped');
    this.changed();
    if (!this.current) void this.drain();
    return true;
  }

  /** Resolves once nothing is playing or waiting. */
  idle(): Promise<void> {
    if (!this.current && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    while (!this.current && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.current = next;
      this.changed();
      const outcome = await this.playWithTimeout(next);
      this.current = null;
      this.finish(next, outcome);
    }
    if (!this.current && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private playWithTimeout(a: Announcement): Promise<PlayedEntry['outcome']> {
    const setTimer = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const clearTimer = this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: PlayedEntry['outcome']) => {
        if (settled) return;
        settled = true;
        clearTimer(timer);
        resolve(outcome);
      };
      const timer = setTimer(() => {
        this.player.stop?.();
        settle('timeout');
      }, this.maxPlayMs);
      let played: Promise<PlayOutcome>;
      try {
        played = this.player.play(a);
      } catch {
        played = Promise.resolve('failed');
      }
      played.then(settle, () => settle('failed'));
    });
  }

  private finish(announcement: Announcement, outcome: PlayedEntry['outcome']): void {
    this.done.push({ announcement, outcome });
    if (this.done.length > this.historySize) this.done.shift();
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.();
  }
}
