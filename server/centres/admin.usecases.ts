import { AppError, CentreSettingsSchema, type CentreSettings, type Counter, type CounterInput, type Service, type ServiceInput } from '../../protocol/index.ts';
import { getSnapshot } from './centres.usecases.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import { numberingConflict } from '../queue/numbering-conflicts.ts';
import type { StoreTx } from '../kernel/store.port.ts';

/**
 * Centre configuration by admins. Each change is one transaction that also bumps the centre's
 * sequence, then every display, console and kiosk receives a fresh snapshot: changes apply live.
 */
export async function configure<T>(deps: Deps, centreId: string, write: (tx: StoreTx) => Promise<T>): Promise<T> {
  await requireCentre(deps.store, centreId);
  const result = await deps.store.runInTx({ centreId }, async (tx) => {
    const value = await write(tx);
    await tx.bumpSeq(centreId);
    return value;
  });
  deps.notifier.publish({ type: 'state:snapshot', centreId, payload: await getSnapshot(deps, centreId) });
  return result;
}

export function putService(deps: Deps, centreId: string, serviceId: string, input: ServiceInput): Promise<Service> {
  const service: Service = { id: serviceId, centreId, ...input };
  return configure(deps, centreId, async (tx) => {
    // Two active services must never be able to show the same number on one day (issue #10).
    const clash = service.active ? numberingConflict(service.numbering, serviceId, await tx.listServices(centreId)) : undefined;
    if (clash) {
      throw new AppError('service.numbering_conflict', `The numbers of this service could collide with those of active service "${clash.id}".`);
    }
    await tx.upsertService(service);
    return service;
  });
}

export function putCounter(deps: Deps, centreId: string, counterId: string, input: CounterInput): Promise<Counter> {
  const counter: Counter = { id: counterId, centreId, ...input };
  return configure(deps, centreId, async (tx) => {
    const services = new Set((await tx.listServices(centreId)).map((s) => s.id));
    const unknown = input.serviceIds.filter((id) => !services.has(id));
    if (unknown.length) throw new AppError('service.not_found', `Unknown service(s): ${unknown.join(', ')}.`);
    const clash = (await tx.listCounters(centreId)).find((c) => c.number === input.number && c.id !== counterId);
    if (clash) throw new AppError('counter.number_taken', `Counter number ${input.number} is used by "${clash.id}".`);
    await tx.upsertCounter(counter);
    return counter;
  });
}

export async function getSettings(deps: Deps, centreId: string): Promise<CentreSettings> {
  await requireCentre(deps.store, centreId);
  return deps.store.getSettings(centreId);
}

export function putSettings(deps: Deps, centreId: string, input: unknown): Promise<CentreSettings> {
  const parsed = CentreSettingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError('settings.invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const ids = parsed.data.priorityGroups.map((g) => g.id);
  if (new Set(ids).size !== ids.length) throw new AppError('settings.invalid', 'priority group ids must be unique');
  return configure(deps, centreId, async (tx) => {
    await tx.saveSettings(centreId, parsed.data);
    return parsed.data;
  });
}
