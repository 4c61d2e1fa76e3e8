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
      return { tone: 'waiting', text: t(lang, 'status.waiting') };
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

/** People ahead and the estimate mean something only while the ticket waits in its queue. */
export const showsQueueFigures = (view: TicketView): boolean => view.ticket.state === 'waiting';

/** The browser tab's title: a phone in a pocket shows it on the lock screen's tab switcher. */
export function pageTitle(view: TicketView | null, lang: Language): string {
  if (!view) return t(lang, 'status.title');
  const h = headline(view, lang);
  return h.tone === 'call' ? `${h.text} – ${view.ticket.number}` : `${view.ticket.number} – ${t(lang, 'status.title')}`;
}
