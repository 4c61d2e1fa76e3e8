/**
 * The console's waiting list (issue #15), without DOM: what each row says, and when to ask the
 * server again. The element (luot-waiting-list.ts) only renders these and moves the timers.
 * Tested in node: test/counter-display/console/waiting-list-logic.test.ts.
 */
import type { CounterWaiting, Language, LocalizedText, WaitingItem, WaitingMarks } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';
import type { LiveFact } from '../../web-shared/client/centre-state.ts';

/** How many numbers the console asks for: about what fits without scrolling far at 1366 × 768. */
export const WAITING_LIMIT = 20;
/** Facts come in bursts (a call and a finish, a kiosk queue): one request for a burst. */
export const DEBOUNCE_MS = 300;
/** Waits grow and rule 2 / due appointments reorder with time alone: ask again at least this often. */
export const TICK_MS = 60_000;
/** After a failed request, try again this much later (a fact may bring it sooner). */
export const RETRY_MS = 5_000;

export type MarkKind = 'priority' | 'appointment' | 'transferred' | 'returned' | 'overdue' | 'dossier';

/** A mark shows a symbol and its words: never colour alone (WCAG 1.4.1). The symbols are in DejaVu Sans, which `.ci/run` installs. */
export interface MarkView {
  kind: MarkKind;
  icon: string;
  text: string;
}

export interface WaitingRowView {
  key: string;
  number: string;
  service: string;
  /** "12 phút", or "vừa lấy số" under a minute. */
  waited: string;
  /** The first row: what "Gọi số tiếp theo" calls now. */
  next: boolean;
  marks: MarkView[];
}

export interface WaitingListView {
  rows: WaitingRowView[];
  total: number;
  /** Waiting for this counter but not listed (beyond the limit): "và 12 số khác". */
  more: number;
}

const ICONS: Record<MarkKind, string> = {
  priority: '★',
  appointment: '◷',
  transferred: '⇄',
  returned: '↩',
  overdue: '⚠',
  dossier: '▤',
};

/** The names a row needs that the list does not carry: services (a transfer's origin). */
export interface Names {
  serviceName(serviceId: string): LocalizedText | null;
}

/** The marks of one ticket, most decisive first (why it stands where it does, then what to know). */
export function markViews(marks: WaitingMarks, lang: Language, timeZone: string, names: Names): MarkView[] {
  const out: MarkView[] = [];
  const mark = (kind: MarkKind, text: string) => out.push({ kind, icon: ICONS[kind], text });
  if (marks.overdue) mark('overdue', t(lang, 'waiting.mark.overdue'));
  if (marks.appointmentAt) mark('appointment', t(lang, 'waiting.mark.appointment', { time: formatTime(marks.appointmentAt, timeZone) }));
  if (marks.priority) mark('priority', t(lang, 'waiting.mark.priority', { group: localized(marks.priority.name, lang) }));
  if (marks.transferred) {
    const from = marks.transferred.fromServiceId ? names.serviceName(marks.transferred.fromServiceId) : null;
    if (marks.transferred.toThisCounter) mark('transferred', t(lang, 'waiting.mark.transferredHere'));
    else if (from) mark('transferred', t(lang, 'waiting.mark.transferred', { from: localized(from, lang) }));
    else mark('transferred', t(lang, 'waiting.mark.transferredAnon'));
  }
  if (marks.returned) mark('returned', t(lang, 'waiting.mark.returned'));
  if (marks.dossierCode) mark('dossier', t(lang, 'waiting.mark.dossier', { code: marks.dossierCode }));
  return out;
}

export function waitedText(lang: Language, minutes: number): string {
  return minutes < 1 ? t(lang, 'waiting.justNow') : t(lang, 'waiting.minutes', { n: minutes });
}

function rowOf(item: WaitingItem, index: number, lang: Language, timeZone: string, names: Names): WaitingRowView {
  return {
    key: item.ticketId,
    number: item.number,
    service: localized(item.serviceName, lang),
    waited: waitedText(lang, item.waitedMinutes),
    next: index === 0,
    marks: markViews(item.marks, lang, timeZone, names),
  };
}

/** The list as the console shows it; null data (not loaded yet) is an empty list. */
export function waitingListView(data: CounterWaiting | null, lang: Language, timeZone: string, names: Names): WaitingListView {
  if (!data) return { rows: [], total: 0, more: 0 };
  const rows = data.items.map((item, i) => rowOf(item, i, lang, timeZone, names));
  return { rows, total: data.total, more: Math.max(0, data.total - rows.length) };
}

/** Whether an answer still belongs on screen: the officer may have switched counters while it was on its way. */
export const answerFits = (data: CounterWaiting, counterId: string | null): boolean => data.counterId === counterId;

/** The timer functions the scheduler uses (the page's; fake ones in tests). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Asks again when told (`poke`), at most one request at a time: pokes within `debounceMs` make
 * one request; a poke while a request is out makes exactly one more once it is back (its answer
 * may predate the fact that poked). `run` must settle; its failure is the caller's to show.
 */
export class RefreshScheduler {
  private timer: unknown = null;
  private inFlight = false;
  private pending = false;
  private disposed = false;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly debounceMs: number = DEBOUNCE_MS,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Something changed: refresh after the debounce (or once the request out now is back). */
  poke(delayMs: number = this.debounceMs): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.fire(), delayMs);
  }

  /** True while a request is out (the element shows nothing for it; tests check there is one at most). */
  get busy(): boolean {
    return this.inFlight;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    if (this.disposed) return;
    this.inFlight = true;
    this.pending = false;
    void this.run()
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.pending) {
          this.pending = false;
          this.poke();
        }
      });
  }
}

/**
 * Whether a fact can change this counter's list, so the console asks again only then: with
 * twenty consoles, a fact of another queue would otherwise cost twenty reads. A ticket fact
 * matters when the ticket is listed now, is in one of the counter's services, is sent to the
 * counter or is at it; a counter fact when it is this counter's. A snapshot (no fact: a
 * reconnect, a configuration change) always matters; an alert never does. What changes with
 * time alone (overdue tickets, due appointments) the list's minute tick catches.
 */
export function factConcernsList(fact: LiveFact | null, counter: { id: string; serviceIds: readonly string[] } | null, listed: readonly string[]): boolean {
  if (!fact || !counter) return true;
  switch (fact.name) {
    case 'ticket:issued':
    case 'ticket:called':
    case 'ticket:updated': {
      const t = fact.payload.ticket;
      return listed.includes(t.id) || counter.serviceIds.includes(t.serviceId) || t.targetCounterId === counter.id || t.counterId === counter.id;
    }
    case 'counter:updated':
      return fact.payload.view.counter.id === counter.id;
    case 'alert:changed':
      return false;
  }
}
