/**
 * What the ticket history panel (luot-ticket-history.ts, issue #14) shows of each entry, in the
 * manager's language: plain functions, tested in node (test/reports/ticket-history-logic.test.ts).
 */
import type { Language } from '../protocol/common.schemas.ts';
import { REPORT_STATE_NAMES } from '../protocol/reports.schemas.ts';
import type { HistoryActor, HistoryCounter, HistoryNamed, TicketHistory, TicketHistoryEntry } from '../protocol/ticket-history.schemas.ts';
import { localized, t } from '../web-shared/i18n/i18n.ts';
import { wallClock } from '../web-shared/i18n/time.ts';

export interface HistoryRow {
  key: string;
  kind: TicketHistoryEntry['kind'];
  at: string;
  event: string;
  states: string;
  by: string;
  counter: string;
  details: string;
}

const named = (n: HistoryNamed, lang: Language) => (n.name ? localized(n.name, lang) : n.id);
const counterText = (c: HistoryCounter | null) => (c === null ? '–' : c.number === null ? c.id : String(c.number));

/** "08:05:09", or "17/03 00:10:00" on another day than the ticket's own. */
export function historyTime(at: string, businessDay: string, timeZone: string): string {
  const w = wallClock(at, timeZone);
  const time = `${w.hour}:${w.minute}:${w.second}`;
  return `${w.year}-${w.month}-${w.day}` === businessDay ? time : `${w.day}/${w.month} ${time}`;
}

export function actorLabel(a: HistoryActor | null, kind: TicketHistoryEntry['kind'], lang: Language): string {
  if (a === null) return kind === 'rated' ? t(lang, 'history.by.citizen') : '–';
  if (a.kind === 'system') return t(lang, 'history.by.system');
  if (a.kind === 'kiosk') return a.id === null ? t(lang, 'history.by.noKiosk') : t(lang, 'history.by.kiosk', { name: a.name ?? a.id });
  const name = a.name ?? a.id ?? '–';
  return a.username ? `${name} (${a.username})` : name;
}

export function entryDetails(e: TicketHistoryEntry, lang: Language): string {
  const parts: string[] = [];
  if (e.calledByNumber) parts.push(t(lang, 'history.calledByNumber'));
  if (e.transfer) {
    const { from, to, toCounter } = e.transfer;
    parts.push(
      toCounter
        ? t(lang, 'history.transferCounter', { from: named(from, lang), to: named(to, lang), counter: counterText(toCounter) })
        : t(lang, 'history.transfer', { from: named(from, lang), to: named(to, lang) }),
    );
  }
  if (e.recall) parts.push(t(lang, e.kind === 'no_show' ? 'history.noShowAfter' : 'history.recall', { n: e.recall.count }));
  if (e.priority) {
    parts.push(named(e.priority.group, lang));
    if (e.priority.previous) parts.push(t(lang, 'history.previous', { group: named(e.priority.previous, lang) }));
    if (e.priority.reason) parts.push(t(lang, 'history.reason', { reason: e.priority.reason }));
  }
  if (e.print) {
    if (e.kind === 'print_created') {
      if (e.print.reprint) parts.push(t(lang, 'history.reprint'));
      parts.push(t(lang, 'history.printer', { printer: e.print.printerId }));
      if (e.print.kiosk && e.actor?.kind !== 'kiosk') parts.push(t(lang, 'history.by.kiosk', { name: e.print.kiosk.name ?? e.print.kiosk.id }));
      if (e.print.status === 'pending' || e.print.status === 'sent') {
        parts.push(t(lang, 'history.printStatus', { status: t(lang, `history.printStatus.${e.print.status}`) }));
      }
    }
    if (e.print.error && (e.kind === 'print_failed' || e.kind === 'print_abandoned')) {
      parts.push(e.print.error.message ? `${e.print.error.code}: ${e.print.error.message}` : e.print.error.code);
    }
  }
  if (e.rating) {
    parts.push(t(lang, 'history.rating', { grade: t(lang, `reports.grade.${e.rating.grade}`), level: e.rating.level, scale: e.rating.scale }));
    parts.push(t(lang, `history.source.${e.rating.source}`));
  }
  return parts.join(', ');
}

/** The panel's rows, one per entry, in the history's (time) order. */
export function historyRows(h: TicketHistory, lang: Language): HistoryRow[] {
  return h.entries.map((e, i) => ({
    key: `${i}`,
    kind: e.kind,
    at: historyTime(e.at, h.ticket.businessDay, h.timeZone),
    event: t(lang, `history.kind.${e.kind}`),
    states:
      e.toState === null
        ? '–'
        : `${e.fromState ? `${localized(REPORT_STATE_NAMES[e.fromState], lang)} → ` : ''}${localized(REPORT_STATE_NAMES[e.toState], lang)}`,
    by: actorLabel(e.actor, e.kind, lang),
    counter: counterText(e.counter),
    details: entryDetails(e, lang),
  }));
}

/** The line under the title: day, services, state. */
export function historySummary(h: TicketHistory, lang: Language): string {
  const d = h.ticket.businessDay;
  const text = t(lang, 'history.summary', {
    day: `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`,
    issued: named(h.ticket.issuedService, lang),
    service: named(h.ticket.service, lang),
    state: localized(REPORT_STATE_NAMES[h.ticket.state], lang),
  });
  return h.ticket.priorityGroup ? `${text} · ${t(lang, 'history.priority', { group: named(h.ticket.priorityGroup, lang) })}` : text;
}
