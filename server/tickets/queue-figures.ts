import type { Centre, CentreSettings, Estimates, WaitingCounts } from '../../protocol/index.ts';
import { estimateWaitMinutes } from '../queue/wait-estimate.ts';
import type { CentreConfig } from '../kernel/centre-config.ts';
import type { StoreReads } from '../kernel/store.port.ts';

/** How many finished services feed the average in a wait estimate. */
export const RECENT_SERVICES = 20;

export interface QueueFigures {
  waiting: WaitingCounts;
  estimates: Estimates;
}

/** What every estimate of a centre is computed from, read once: two statements beside the cached configuration. */
export interface EstimateInputs {
  waiting: WaitingCounts;
  durations: Record<string, number[]>;
  openCounters: Map<string, number>;
  defaultServiceMinutes: number;
}

/** Counters open (not paused, not closed) per service id. */
function openCountersByService(config: CentreConfig): Map<string, number> {
  const open = new Map<string, number>();
  for (const c of config.counters) {
    if (!c.active || config.states[c.id]?.status !== 'open') continue;
    for (const s of c.serviceIds) open.set(s, (open.get(s) ?? 0) + 1);
  }
  return open;
}

/** Whether an open counter (not paused, not closed) serves the service now. */
export const servedNow = (config: CentreConfig, serviceId: string): boolean => (openCountersByService(config).get(serviceId) ?? 0) > 0;

async function configOf(reads: StoreReads, centreId: string): Promise<CentreConfig> {
  const config = await reads.centreConfig(centreId);
  if (!config) throw new Error(`centre ${centreId} vanished`);
  return config;
}

/** Waiting counts, recent durations and open counters of a centre (services: `only`, default all). */
export async function estimateInputs(reads: StoreReads, centreId: string, settings: CentreSettings, only?: readonly string[]): Promise<EstimateInputs> {
  const config = await configOf(reads, centreId);
  const serviceIds = only ?? config.services.map((s) => s.id);
  const { waiting, durations } = await reads.waitingAndDurations(centreId, serviceIds, RECENT_SERVICES);
  return {
    waiting,
    durations,
    openCounters: openCountersByService(config),
    defaultServiceMinutes: settings.defaultServiceMinutes,
  };
}

/** The estimate for someone with `peopleAhead` in a service's queue. */
export function estimateFor(inputs: EstimateInputs, serviceId: string, peopleAhead: number): number | null {
  return estimateWaitMinutes({
    peopleAhead,
    recentServiceMs: inputs.durations[serviceId] ?? [],
    openCounters: inputs.openCounters.get(serviceId) ?? 0,
    defaultServiceMinutes: inputs.defaultServiceMinutes,
  });
}

/** Waiting counts and the estimate a new ticket would get, per service: what every fact carries. */
export function figuresFrom(inputs: EstimateInputs, serviceIds: readonly string[]): QueueFigures {
  const estimates: Estimates = {};
  for (const id of serviceIds) estimates[id] = estimateFor(inputs, id, inputs.waiting[id] ?? 0);
  return { waiting: inputs.waiting, estimates };
}

export async function queueFigures(reads: StoreReads, centre: Centre, settings: CentreSettings, _businessDay?: string): Promise<QueueFigures> {
  const config = await configOf(reads, centre.id);
  return figuresFrom(
    await estimateInputs(reads, centre.id, settings),
    config.services.map((s) => s.id),
  );
}

/** The estimate for one waiting ticket, given the people ahead of it. */
export async function ticketEstimate(
  reads: StoreReads,
  centreId: string,
  serviceId: string,
  peopleAhead: number,
  settings: CentreSettings,
): Promise<number | null> {
  const config = await configOf(reads, centreId);
  const inputs: EstimateInputs = {
    waiting: {},
    durations: await reads.recentDurationsOf(centreId, [serviceId], RECENT_SERVICES),
    openCounters: openCountersByService(config),
    defaultServiceMinutes: settings.defaultServiceMinutes,
  };
  return estimateFor(inputs, serviceId, peopleAhead);
}
