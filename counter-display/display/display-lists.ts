/** The rows of the hall display's two lists (web-shared/ui/luot-ticket-list.ts). Pure. */
import type { Call, Language, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { formatTime } from '../../web-shared/i18n/time.ts';
import type { TicketListRow } from '../../web-shared/ui/luot-ticket-list.ts';
import { serviceMark } from './display-text.ts';

/** The calls before the newest one, for citizens who looked away: number, counter, time. */
export function previousCallRows(calls: readonly Call[], lang: Language, timeZone: string): TicketListRow[] {
  return calls.map((c) => ({
    key: `${c.ticketId}@${c.calledAt}`,
    testId: 'previous-call',
    number: c.number,
    label: t(lang, 'counter.label', { n: c.counterNumber }),
    figure: { kind: 'time', text: formatTime(c.calledAt, timeZone) },
  }));
}

/** How many citizens wait for each service the display covers: mark, name, count. */
export function queueRows(services: readonly Service[], waiting: WaitingCounts, lang: Language): TicketListRow[] {
  return services.map((s) => ({
    key: s.id,
    testId: 'service-waiting',
    serviceId: s.id,
    number: serviceMark(s),
    label: localized(s.name, lang),
    figure: { kind: 'count', text: String(waiting[s.id] ?? 0) },
  }));
}
