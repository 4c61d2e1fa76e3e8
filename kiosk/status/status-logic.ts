/**
 * What the citizen's status page says for each ticket state, in plain words. Kept out of the
 * element so it is tested in node (test/web/status-logic.test.ts).
 */
import type { Language, TicketView } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

/** How loud the headline is: `call` is the one that must be seen from across a room. */
export type Tone = 'call' | 'serving' | 'waiting' | 'parked' | 'ended';

export interface Headline {
  tone: Tone;
  text: string;
}

export function headline(view: TicketView, lang: Language): Headline {
  const n = view.counterNumber;
  switch (view.ticket.state) {
    case 'called':
      // The counter is known once called; without it (a counter deleted meanwhile) keep it generic.
      return n === null ? { tone: 'call', text: t(lang, 'ticket.state.called') } : { tone: 'call', text: t(lang, 'status.calledTo', { n }) };
    case 'serving':
      return n === null ? { tone: 'serving', text: t(lang, 'ticket.state.serving') } : { tone: 'serving', text: t(lang, 'status.servingAt', { n }) };
    case 'waiting':
      // Not "0 người trước bạn" as if next (issue #15): with no open counter nobody is called.
      return { tone: 'waiting', text: t(lang, notServedNow(view) ? 'status.notServedNow' : 'status.waiting') };
    case 'parked':
      return { tone: 'parked', text: t(lang, 'status.parked') };
    case 'done':
      return { tone: 'ended', text: t(lang, 'status.done') };
    case 'no_show':
      return { tone: 'ended', text: t(lang, 'status.no_show') };
    case 'expired':
      return { tone: 'ended', text: t(lang, 'status.expired') };
  }
}

/**
 * The ticket waits but no open counter serves its service right now. The estimate is null exactly
 * then (server/queue/wait-estimate.ts), so the view needs nothing more to say it.
 */
export const notServedNow = (view: TicketView): boolean => view.ticket.state === 'waiting' && view.estimatedWaitMinutes === null;

/** People ahead and the estimate mean something only while the ticket waits in its queue. */
export const showsQueueFigures = (view: TicketView): boolean => view.ticket.state === 'waiting';

/** The browser tab's title: a phone in a pocket shows it on the lock screen's tab switcher. */
export function pageTitle(view: TicketView | null, lang: Language): string {
  if (!view) return t(lang, 'status.title');
  const h = headline(view, lang);
  return h.tone === 'call' ? `${h.text} – ${view.ticket.number}` : `${view.ticket.number} – ${t(lang, 'status.title')}`;
}
