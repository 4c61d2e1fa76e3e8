import { maskDossierCode, type CentreFact, type CounterView, type Snapshot, type Ticket } from '../../protocol/index.ts';

/**
 * What a public screen (a hall display, a kiosk: the device sockets of `/centre`) receives of the
 * centre's state: every ticket carrying a dossier code has it masked, as the screens draw it;
 * staff (consoles, the managers' live view) get it whole (docs/dossiers.md). Nothing is copied
 * when nothing needs masking: the common case costs a scan, not an allocation.
 */
const maskTicket = (ticket: Ticket): Ticket => (ticket.dossierCode ? { ...ticket, dossierCode: maskDossierCode(ticket.dossierCode) } : ticket);

const hasCode = (ticket: Ticket | null) => Boolean(ticket?.dossierCode);

const maskView = (view: CounterView): CounterView => (view.current && hasCode(view.current) ? { ...view, current: maskTicket(view.current) } : view);

/** The snapshot as a public screen gets it: the same object when no ticket in it has a code. */
export function snapshotForPublicScreens(snapshot: Snapshot): Snapshot {
  if (!snapshot.counters.some((v) => hasCode(v.current)) && !snapshot.parked.some(hasCode)) return snapshot;
  return { ...snapshot, counters: snapshot.counters.map(maskView), parked: snapshot.parked.map(maskTicket) };
}

/** A fact as a public screen gets it, or null when it holds no code: then everyone gets the one fact. */
export function forPublicScreens(fact: CentreFact): CentreFact | null {
  switch (fact.type) {
    case 'ticket:issued':
    case 'ticket:called':
    case 'ticket:updated':
      if (!hasCode(fact.payload.ticket)) return null;
      return { ...fact, payload: { ...fact.payload, ticket: maskTicket(fact.payload.ticket) } } as CentreFact;
    case 'counter:updated':
      if (!hasCode(fact.payload.view.current)) return null;
      return { ...fact, payload: { ...fact.payload, view: maskView(fact.payload.view) } };
    case 'state:snapshot': {
      const masked = snapshotForPublicScreens(fact.payload);
      return masked === fact.payload ? null : { ...fact, payload: masked };
    }
    case 'alert:changed':
      return null;
  }
}
