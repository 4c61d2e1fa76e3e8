/** The rows of the console's two lists (web-shared/ui/luot-ticket-list.ts). Pure. */
import type { Counter, Language, Service, Ticket, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import type { TicketListRow } from '../../web-shared/ui/luot-ticket-list.ts';

/** How many citizens wait for each service this counter calls, in the counter's order. */
export function waitingRows(services: readonly Service[], waiting: WaitingCounts, lang: Language): TicketListRow[] {
  return services.map((s) => ({
    key: s.id,
    serviceId: s.id,
    label: localized(s.name, lang),
    figure: { kind: 'count', text: String(waiting[s.id] ?? 0), testId: 'waiting-count' },
  }));
}

export function waitingTotal(services: readonly Service[], waiting: WaitingCounts): number {
  return services.reduce((sum, s) => sum + (waiting[s.id] ?? 0), 0);
}

/**
 * Tickets set aside ("Tạm gác") while the citizen fetches a document, in the order given
 * (console-forms.ts parkedForCounter), each with where it was and a "Tiếp tục" button that calls
 * it to this counter again — any counter may, when it is free (console-logic.ts allowedActions).
 */
export function parkedRows(
  tickets: readonly Ticket[],
  services: readonly Service[],
  counters: readonly Counter[],
  lang: Language,
  canResume: boolean,
): TicketListRow[] {
  return tickets.map((ticket) => {
    const service = services.find((s) => s.id === ticket.serviceId);
    const counter = counters.find((c) => c.id === ticket.counterId);
    const where = [service ? localized(service.name, lang) : null, counter ? t(lang, 'counter.label', { n: counter.number }) : null];
    return {
      key: ticket.id,
      testId: 'parked-ticket',
      ticketId: ticket.id,
      number: ticket.number,
      label: where.filter((part) => part !== null).join(' · '),
      action: { name: 'resume-ticket', label: t(lang, 'console.resumeTicket'), disabled: !canResume },
    };
  });
}
