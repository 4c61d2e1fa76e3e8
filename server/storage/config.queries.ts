import type { Kysely } from 'kysely';
import type { Counter, CounterState } from '../../protocol/index.ts';
import { versionedConfig, type ConfigCache, type ConfigScope } from './config-cache.ts';
import type { Database } from './db.types.ts';
import { centreFromRow, centreToRow, counterFromRow, counterStateFromRow, serviceFromRow, serviceToRow, settingsFromRow, staffFromRow } from './rows.ts';
import type { StoreTx } from '../kernel/store.port.ts';

type ConfigQueries = Pick<
  StoreTx,
  | 'listCentres'
  | 'getCentre'
  | 'listServices'
  | 'getService'
  | 'listCounters'
  | 'getCounter'
  | 'listStaff'
  | 'getSettings'
  | 'getCounterState'
  | 'listCounterStates'
  | 'counterHeldBy'
  | 'upsertCentre'
  | 'upsertService'
  | 'upsertCounter'
  | 'upsertStaff'
  | 'setCounterState'
  | 'appendCounterEvent'
  | 'listCounterEvents'
  | 'saveSettings'
  | 'centreConfig'
>;

/**
 * Centres, services, counters (with who holds them), staff and settings. With a cache and a
 * scope (a transaction's), `centreConfig` serves them from memory after one version read, and
 * every configuration write bumps the centre's `config_version` (config-cache.ts).
 */
export function configQueries(db: Kysely<Database>, cache: ConfigCache = new Map(), scope: ConfigScope | null = null): ConfigQueries {
  const counterServices = (centreId: string, counterId?: string) => {
    let q = db.selectFrom('counter_services').select(['counter_id', 'service_id', 'weight']).where('centre_id', '=', centreId);
    if (counterId !== undefined) q = q.where('counter_id', '=', counterId);
    return q.orderBy('counter_id').orderBy('position').execute();
  };

  const versioned = versionedConfig(db, cache, scope, () => queries);
  const { changed, checked } = versioned;
  const queries: ConfigQueries = {
    centreConfig: versioned.centreConfig,
    async listCentres() {
      return (await db.selectFrom('centres').selectAll().orderBy('id').execute()).map(centreFromRow);
    },
    async getCentre(centreId) {
      const hit = await checked(centreId);
      if (hit) return hit.centre;
      const r = await db.selectFrom('centres').selectAll().where('id', '=', centreId).executeTakeFirst();
      return r ? centreFromRow(r) : null;
    },
    async listServices(centreId) {
      const hit = await checked(centreId);
      if (hit) return hit.services;
      const rows = await db.selectFrom('services').selectAll().where('centre_id', '=', centreId).orderBy('sort_order').orderBy('id').execute();
      return rows.map(serviceFromRow);
    },
    async getService(centreId, serviceId) {
      const hit = await checked(centreId);
      if (hit) return hit.services.find((s) => s.id === serviceId) ?? null;
      const r = await db.selectFrom('services').selectAll().where('centre_id', '=', centreId).where('id', '=', serviceId).executeTakeFirst();
      return r ? serviceFromRow(r) : null;
    },
    async listCounters(centreId) {
      const hit = await checked(centreId);
      if (hit) return hit.counters;
      const rows = await db.selectFrom('counters').selectAll().where('centre_id', '=', centreId).orderBy('number').execute();
      const services = await counterServices(centreId);
      return rows.map((r) =>
        counterFromRow(
          r,
          services.filter((s) => s.counter_id === r.id),
        ),
      );
    },
    async getCounter(centreId, counterId) {
      const hit = await checked(centreId);
      if (hit) return hit.counters.find((c) => c.id === counterId) ?? null;
      const r = await db.selectFrom('counters').selectAll().where('centre_id', '=', centreId).where('id', '=', counterId).executeTakeFirst();
      return r ? counterFromRow(r, await counterServices(centreId, counterId)) : null;
    },
    async listStaff(centreId) {
      const rows = await db.selectFrom('staff').selectAll().where('centre_id', '=', centreId).orderBy('id').execute();
      return rows.map(staffFromRow);
    },
    async getSettings(centreId) {
      const hit = await checked(centreId);
      if (hit) return hit.settings;
      const r = await db.selectFrom('centres').select('settings').where('id', '=', centreId).executeTakeFirst();
      return settingsFromRow(r?.settings ?? '{}');
    },
    async getCounterState(centreId, counterId) {
      const hit = await checked(centreId);
      if (hit) return hit.states[counterId] ?? { status: 'closed', staffId: null, openedAt: null };
      const r = await db
        .selectFrom('counters')
        .select(['status', 'held_by', 'opened_at'])
        .where('centre_id', '=', centreId)
        .where('id', '=', counterId)
        .executeTakeFirst();
      return r ? counterStateFromRow(r) : { status: 'closed', staffId: null, openedAt: null };
    },
    async listCounterStates(centreId) {
      const hit = await checked(centreId);
      if (hit) return hit.states;
      const rows = await db.selectFrom('counters').select(['id', 'status', 'held_by', 'opened_at']).where('centre_id', '=', centreId).execute();
      return Object.fromEntries(rows.map((r) => [r.id, counterStateFromRow(r)]));
    },
    async counterHeldBy(centreId, staffId) {
      const r = await db
        .selectFrom('counters')
        .select('id')
        .where('centre_id', '=', centreId)
        .where('held_by', '=', staffId)
        .where('status', '!=', 'closed')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    async upsertCentre(centre) {
      const row = centreToRow(centre);
      await db
        .insertInto('centres')
        .values({ ...row, event_seq: 0, settings: '{}', config_version: 0 })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name_vi: row.name_vi, name_en: row.name_en, time_zone: row.time_zone, address: row.address }))
        .execute();
      await changed(centre.id);
    },
    async upsertService(service) {
      const { centre_id, id, ...rest } = serviceToRow(service);
      await db
        .insertInto('services')
        .values({ centre_id, id, ...rest })
        .onConflict((oc) => oc.columns(['centre_id', 'id']).doUpdateSet(rest))
        .execute();
      await changed(centre_id);
    },
    async upsertCounter(counter: Counter) {
      await changed(counter.centreId);
      const config = { number: counter.number, active: counter.active ? 1 : 0, call_order: counter.callOrder };
      await db
        .insertInto('counters')
        .values({ centre_id: counter.centreId, id: counter.id, ...config, status: 'closed', held_by: null, opened_at: null })
        .onConflict((oc) => oc.columns(['centre_id', 'id']).doUpdateSet(config))
        .execute();
      await db.deleteFrom('counter_services').where('centre_id', '=', counter.centreId).where('counter_id', '=', counter.id).execute();
      if (counter.serviceIds.length === 0) return;
      await db
        .insertInto('counter_services')
        .values(
          counter.serviceIds.map((serviceId, position) => ({
            centre_id: counter.centreId,
            counter_id: counter.id,
            service_id: serviceId,
            position,
            weight: counter.weights[serviceId] ?? 1,
          })),
        )
        .execute();
    },
    async upsertStaff(staff) {
      await db
        .insertInto('staff')
        .values({ centre_id: staff.centreId, id: staff.id, name: staff.name })
        .onConflict((oc) => oc.columns(['centre_id', 'id']).doUpdateSet({ name: staff.name }))
        .execute();
      // Officers' names are in the displays' snapshot, which is shared per version.
      await changed(staff.centreId);
    },
    async setCounterState(centreId, counterId, state) {
      await db
        .updateTable('counters')
        .set({
          status: state.status,
          held_by: state.staffId,
          opened_at: state.openedAt === null ? null : Date.parse(state.openedAt),
        })
        .where('centre_id', '=', centreId)
        .where('id', '=', counterId)
        .execute();
      await changed(centreId);
    },
    async appendCounterEvent(e) {
      await db
        .insertInto('counter_events')
        .values({
          id: e.id,
          centre_id: e.centreId,
          counter_id: e.counterId,
          seq: e.seq,
          at: Date.parse(e.at),
          actor_id: e.actorId,
          from_status: e.fromStatus,
          to_status: e.toStatus,
          staff_id: e.staffId,
        })
        .execute();
    },
    async listCounterEvents(centreId, counterId) {
      const rows = await db
        .selectFrom('counter_events')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('counter_id', '=', counterId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        centreId: r.centre_id,
        counterId: r.counter_id,
        seq: Number(r.seq),
        at: new Date(Number(r.at)).toISOString(),
        actorId: r.actor_id,
        fromStatus: r.from_status as CounterState['status'],
        toStatus: r.to_status as CounterState['status'],
        staffId: r.staff_id,
      }));
    },
    async saveSettings(centreId, settings) {
      await db
        .updateTable('centres')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', centreId)
        .execute();
      await changed(centreId);
    },
  };
  return queries;
}
