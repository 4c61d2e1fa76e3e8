import type { Clock } from '../kernel/ports.ts';
import type { Store } from '../kernel/store.port.ts';
import { Tally, type Family, type Sample } from './exposition.ts';

/** Failed prints are counted over the last day … */
export const PRINT_FAILURE_WINDOW_MS = 24 * 3_600_000;
/** … reading at most this many of each final status per centre (newest first, on print_jobs_status_ix). */
export const PRINT_FAILURE_READ_LIMIT = 1000;

const FAILED = ['failed', 'abandoned'] as const;

/**
 * What the store says, per centre, at scrape time: queue lengths, bridges and devices, failed
 * prints. The store is shared by every instance, so these read the same on each of them (take
 * `max`, not `sum`, across instances). A few indexed reads per centre.
 *
 * Failed prints are a gauge over a window read from the store, not a counter: the printing module
 * marks jobs failed or abandoned in its own use cases and exposes no hook, and a count kept in
 * this process would miss the jobs another instance (or the deadline sweep before a restart)
 * gave up on.
 */
export async function storeFamilies(store: Store, clock: Clock): Promise<Family[]> {
  const waiting: Sample[] = [];
  const bridges: Sample[] = [];
  const devices = new Tally();
  const prints = new Tally();
  const since = clock.now().getTime() - PRINT_FAILURE_WINDOW_MS;
  for (const { id: centre } of await store.listCentres()) {
    const config = await store.centreConfig(centre);
    const counts = await store.waitingCounts(centre);
    // Every service of the centre, 0 when nobody waits (a series that vanishes breaks alerts).
    const services = new Set([...(config?.services.map((s) => s.id) ?? []), ...Object.keys(counts)]);
    for (const service of services) waiting.push({ labels: { centre, service }, value: counts[service] ?? 0 });

    const connected = new Set<string>();
    for (const d of await store.listDevices(centre)) {
      devices.add({ centre, kind: d.kind, status: d.status });
      if (d.connected) connected.add(d.bridgeId);
    }
    bridges.push({ labels: { centre }, value: connected.size });

    for (const status of FAILED) {
      for (const job of await store.listPrintJobs(centre, { status, limit: PRINT_FAILURE_READ_LIMIT })) {
        if (job.createdAtMs >= since) prints.add({ centre, status, reason: job.error ?? 'unknown' });
      }
    }
  }
  return [
    { name: 'luot_queue_waiting', help: 'Tickets waiting, by centre and queue (service), whatever their day.', type: 'gauge', samples: waiting },
    {
      name: 'luot_bridges_connected',
      help: 'Firmware bridges connected to the deployment (any instance), by centre, as their devices record says.',
      type: 'gauge',
      samples: bridges,
    },
    {
      name: 'luot_devices',
      help: 'Devices the bridges announced (printers, keypads), by centre, kind and last status (offline when their bridge is not connected).',
      type: 'gauge',
      samples: devices.samples(),
    },
    {
      name: 'luot_print_jobs_failed',
      help: 'Print jobs created in the last 24 hours that failed (the printer said why) or were abandoned (deadline passed), by centre, status and reason.',
      type: 'gauge',
      samples: prints.samples(),
    },
  ];
}
