import type { DossierState, Ticket } from '../../protocol/index.ts';

/** A dossier as stored (issue #14): what the province's dossier system told this centre. */
export interface DossierRecord {
  centreId: string;
  /** Upper-cased (protocol DossierCodeSchema). */
  code: string;
  serviceId: string | null;
  state: DossierState;
  /** YYYY-MM-DD in the centre's calendar. */
  dueDate: string | null;
  returnCounterId: string | null;
  returnServiceId: string | null;
  citizenName: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  returnedAtMs: number | null;
  /** Staff id of the officer who handed the result over. */
  returnedBy: string | null;
}

export interface DossierStore {
  getDossier(centreId: string, code: string): Promise<DossierRecord | null>;
  /** Inserts or replaces the dossier (centre and code are its key). */
  saveDossier(dossier: DossierRecord): Promise<void>;
  /** The ticket not yet ended (waiting, called, serving, set aside) that carries this code, if any. */
  openTicketForDossier(centreId: string, code: string): Promise<Ticket | null>;
}
