import type { Kysely, Selectable } from 'kysely';
import type { DeviceStatus, PrintErrorCode, PrintJobStatus } from '../../protocol/index.ts';
import type { DeviceRecord, PrintJobRecord, PrintStore } from '../printing/printing.port.ts';
import type { Database } from './db.types.ts';

/** The tables of migration 0004 (claimed_until: 0011), as stored (instants epoch ms, flags 0/1). */
type PrintJobRow = Selectable<Database['print_jobs']>;
type DeviceStatusRow = Selectable<Database['device_status']>;

const jobFromRow = (r: PrintJobRow & { number: string | null }): PrintJobRecord => ({
  id: r.id,
  centreId: r.centre_id,
  ticketId: r.ticket_id,
  number: r.number ?? '',
  kioskId: r.kiosk_id,
  bridgeId: r.bridge_id,
  printerId: r.printer_id,
  status: r.status as PrintJobStatus,
  reprint: Number(r.reprint) === 1,
  requestedBy: r.requested_by,
  attempts: Number(r.attempts),
  error: r.error as PrintErrorCode | null,
  errorMessage: r.error_message,
  createdAtMs: Number(r.created_at),
  updatedAtMs: Number(r.updated_at),
  deadlineAtMs: Number(r.deadline_at),
  claimedUntilMs: r.claimed_until === null ? null : Number(r.claimed_until),
});

const deviceFromRow = (r: DeviceStatusRow): DeviceRecord => ({
  centreId: r.centre_id,
  bridgeId: r.bridge_id,
  deviceId: r.device_id,
  kind: r.kind as DeviceRecord['kind'],
  kioskId: r.kiosk_id,
  status: r.status as DeviceStatus,
  detail: r.detail,
  connected: Number(r.connected) === 1,
  lastSeenAtMs: Number(r.last_seen_at),
});

const LIVE: PrintJobStatus[] = ['pending', 'sent'];

/** The PrintStore as portable Kysely queries over one executor (root database or a write transaction). */
export function printingQueries(db: Kysely<Database>): PrintStore {
  const jobs = () => db.selectFrom('print_jobs').leftJoin('tickets', 'tickets.id', 'print_jobs.ticket_id').selectAll('print_jobs').select('tickets.number');

  return {
    async insertPrintJob(job) {
      await db
        .insertInto('print_jobs')
        .values({
          id: job.id,
          centre_id: job.centreId,
          ticket_id: job.ticketId,
          kiosk_id: job.kioskId,
          bridge_id: job.bridgeId,
          printer_id: job.printerId,
          status: job.status,
          reprint: job.reprint ? 1 : 0,
          requested_by: job.requestedBy,
          attempts: 0,
          error: null,
          error_message: null,
          created_at: job.createdAtMs,
          updated_at: job.createdAtMs,
          deadline_at: job.deadlineAtMs,
        })
        .execute();
    },
    async getPrintJob(jobId) {
      const r = await jobs().where('print_jobs.id', '=', jobId).executeTakeFirst();
      return r ? jobFromRow(r) : null;
    },
    async updatePrintJob(jobId, update, from) {
      if (from.length === 0) return false;
      let q = db
        .updateTable('print_jobs')
        .set({ status: update.status, updated_at: update.atMs })
        .where('id', '=', jobId)
        .where('status', 'in', [...from]);
      if (update.error !== undefined) q = q.set({ error: update.error });
      if (update.errorMessage !== undefined) q = q.set({ error_message: update.errorMessage });
      if (update.attempt) q = q.set((eb) => ({ attempts: eb('attempts', '+', 1) }));
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listPrintJobs(centreId, { status, limit }) {
      let q = jobs().where('print_jobs.centre_id', '=', centreId);
      if (status) q = q.where('print_jobs.status', '=', status);
      const rows = await q.orderBy('print_jobs.created_at', 'desc').orderBy('print_jobs.id').limit(limit).execute();
      return rows.map(jobFromRow);
    },
    async listDeliverableJobs(centreId, bridgeId, nowMs) {
      const rows = await jobs()
        .where('print_jobs.centre_id', '=', centreId)
        .where('print_jobs.bridge_id', '=', bridgeId)
        .where('print_jobs.status', 'in', LIVE)
        .where((eb) => eb.or([eb('print_jobs.deadline_at', '>', nowMs), eb('print_jobs.claimed_until', '>', nowMs)]))
        .orderBy('print_jobs.created_at')
        .execute();
      return rows.map(jobFromRow);
    },
    async listOverdueJobs(nowMs) {
      const rows = await jobs()
        .where('print_jobs.status', 'in', LIVE)
        .where('print_jobs.deadline_at', '<=', nowMs)
        .where((eb) => eb.or([eb('print_jobs.claimed_until', 'is', null), eb('print_jobs.claimed_until', '<=', nowMs)]))
        .orderBy('print_jobs.created_at')
        .execute();
      return rows.map(jobFromRow);
    },
    // The claim and the sweep decide in one conditional UPDATE each: the row's state when the
    // statement runs is what counts (PostgreSQL re-checks the WHERE of a row another transaction
    // changed meanwhile; SQLite has one writer), so whichever runs second finds the other's write.
    async claimPrintJob(jobId, untilMs, nowMs) {
      const result = await db
        .updateTable('print_jobs')
        .set({ claimed_until: untilMs })
        .where('id', '=', jobId)
        .where('status', 'in', LIVE)
        .where((eb) => eb.or([eb('deadline_at', '>', nowMs), eb('claimed_until', '>', nowMs)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async abandonPrintJob(jobId, { error, errorMessage, atMs }) {
      const result = await db
        .updateTable('print_jobs')
        .set({ status: 'abandoned', error, error_message: errorMessage, updated_at: atMs })
        .where('id', '=', jobId)
        .where('status', 'in', LIVE)
        .where('deadline_at', '<=', atMs)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', atMs)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async replaceBridgeDevices(centreId, bridgeId, devices) {
      await db.deleteFrom('device_status').where('centre_id', '=', centreId).where('bridge_id', '=', bridgeId).execute();
      if (devices.length === 0) return;
      await db
        .insertInto('device_status')
        .values(
          devices.map((d) => ({
            centre_id: centreId,
            bridge_id: bridgeId,
            device_id: d.deviceId,
            kind: d.kind,
            kiosk_id: d.kioskId,
            status: d.status,
            detail: d.detail,
            connected: d.connected ? 1 : 0,
            last_seen_at: d.lastSeenAtMs,
          })),
        )
        .execute();
    },
    async updateDeviceStatus(centreId, bridgeId, deviceId, status, detail, atMs) {
      const result = await db
        .updateTable('device_status')
        .set({ status, detail, last_seen_at: atMs, connected: 1 })
        .where('centre_id', '=', centreId)
        .where('bridge_id', '=', bridgeId)
        .where('device_id', '=', deviceId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async setBridgeConnected(centreId, bridgeId, connected, atMs) {
      let q = db
        .updateTable('device_status')
        .set({ connected: connected ? 1 : 0, last_seen_at: atMs })
        .where('centre_id', '=', centreId)
        .where('bridge_id', '=', bridgeId);
      if (!connected) q = q.set({ status: 'offline', detail: 'bridge disconnected' });
      await q.execute();
    },
    async disconnectAllBridges(atMs) {
      await db
        .updateTable('device_status')
        .set({ connected: 0, status: 'offline', detail: 'bridge not connected since the server started', last_seen_at: atMs })
        .where('connected', '=', 1)
        .execute();
    },
    async listStaleBridges(seenBeforeMs) {
      const rows = await db
        .selectFrom('device_status')
        .select(['centre_id', 'bridge_id'])
        .distinct()
        .where('connected', '=', 1)
        .where('last_seen_at', '<', seenBeforeMs)
        .orderBy('centre_id')
        .orderBy('bridge_id')
        .execute();
      return rows.map((r) => ({ centreId: r.centre_id, bridgeId: r.bridge_id }));
    },
    // One conditional update: a heartbeat that lands first (through any instance) keeps the bridge connected.
    async disconnectStaleBridge(centreId, bridgeId, seenBeforeMs, atMs) {
      const result = await db
        .updateTable('device_status')
        .set({ connected: 0, status: 'offline', detail: 'bridge not heard of', last_seen_at: atMs })
        .where('centre_id', '=', centreId)
        .where('bridge_id', '=', bridgeId)
        .where('connected', '=', 1)
        .where('last_seen_at', '<', seenBeforeMs)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async listDevices(centreId) {
      const rows = await db.selectFrom('device_status').selectAll().where('centre_id', '=', centreId).orderBy('bridge_id').orderBy('device_id').execute();
      return rows.map(deviceFromRow);
    },
    async printerForKiosk(centreId, kioskId) {
      const r = await db
        .selectFrom('device_status')
        .selectAll()
        .where('centre_id', '=', centreId)
        .where('kind', '=', 'printer')
        .where('kiosk_id', '=', kioskId)
        .orderBy('connected', 'desc')
        .orderBy('last_seen_at', 'desc')
        .executeTakeFirst();
      return r ? deviceFromRow(r) : null;
    },
  };
}
