import type { Kysely, Selectable } from 'kysely';
import type { DossierState } from '../../protocol/index.ts';
import type { DossierRecord, DossierStore } from '../dossiers/dossiers.port.ts';
import type { Database } from './db.types.ts';
import { ticketFromRow } from './rows.ts';

type DossierRow = Selectable<Database['dossiers']>;

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const fromRow = (r: DossierRow): DossierRecord => ({
  centreId: r.centre_id,
  code: r.code,
  serviceId: r.service_id,
  state: r.state as DossierState,
  dueDate: r.due_date,
  returnCounterId: r.return_counter_id,
  returnServiceId: r.return_service_id,
  citizenName: r.citizen_name,
  createdAtMs: Number(r.created_at),
  updatedAtMs: Number(r.updated_at),
  returnedAtMs: num(r.returned_at),
  returnedBy: r.returned_by,
});

/** The DossierStore as portable Kysely queries (migration 0012) over one executor. */
export function dossiersQueries(db: Kysely<Database>): DossierStore {
  return {
    async openTicketForDossier(centreId, code) {
      const row = await db
        .selectFrom('tickets')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('dossier_code', '=', code)
        .where('state', 'in', ['waiting', 'called', 'serving', 'parked'])
        .orderBy('issued_at', 'desc')
        .executeTakeFirst();
      return row ? ticketFromRow(row) : null;
    },
    async getDossier(centreId, code) {
      const row = await db.selectFrom('dossiers').selectAll().where('centre_id', '=', centreId).where('code', '=', code).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async saveDossier(d) {
      const values = {
        service_id: d.serviceId,
        state: d.state,
        due_date: d.dueDate,
        return_counter_id: d.returnCounterId,
        return_service_id: d.returnServiceId,
        citizen_name: d.citizenName,
        updated_at: d.updatedAtMs,
        returned_at: d.returnedAtMs,
        returned_by: d.returnedBy,
      };
      await db
        .insertInto('dossiers')
        .values({ centre_id: d.centreId, code: d.code, created_at: d.createdAtMs, ...values })
        .onConflict((oc) => oc.columns(['centre_id', 'code']).doUpdateSet(values))
        .execute();
    },
  };
}
