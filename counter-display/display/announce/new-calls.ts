/**
 * Which calls of the live state are new and should be announced. The display's state comes from
 * snapshots and facts (web-shared/client/centre-state.ts): its `recentCalls` list, newest first. A call
 * is new when its key (ticket@calledAt) was never seen; a recall has a new calledAt, so it is new.
 * The first state a page gets only primes the watcher: opening a display must not read out the
 * morning's calls. After an outage the snapshot may bring several unseen calls: the newest few
 * are announced, oldest first. Pure; tested in node.
 */
import type { Call } from '../../../protocol/index.ts';
import { callKey } from './announcement.ts';

/** At most this many calls are announced from one update (a reconnect after a long outage). */
export const MAX_CATCH_UP = 3;

export class NewCalls {
  private readonly seen = new Set<string>();
  private primed = false;

  /** The calls to announce now, oldest first; `shown` limits them to what this display shows. */
  take(recentCalls: readonly Call[], shown: (call: Call) => boolean = () => true): Call[] {
    const fresh = recentCalls.filter((c) => !this.seen.has(callKey(c)));
    for (const c of recentCalls) this.remember(callKey(c));
    if (!this.primed) {
      this.primed = true;
      return [];
    }
    return fresh.filter(shown).slice(0, MAX_CATCH_UP).reverse();
  }

  private remember(key: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.seen.size > 1000) this.seen.delete(this.seen.values().next().value!);
  }
}
