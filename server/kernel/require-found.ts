import { AppError, type Centre, type Counter, type Service } from '../../protocol/index.ts';
import type { StoreReads } from './store.port.ts';

/** Reads that either find what the request names or fail with the matching `*.not_found`. */
export async function requireCentre(store: StoreReads, centreId: string): Promise<Centre> {
  const centre = await store.getCentre(centreId);
  if (!centre) throw new AppError('centre.not_found', `No centre "${centreId}".`);
  return centre;
}

export async function requireService(store: StoreReads, centreId: string, serviceId: string): Promise<Service> {
  const service = await store.getService(centreId, serviceId);
  if (!service) throw new AppError('service.not_found', `No service "${serviceId}" in centre "${centreId}".`);
  return service;
}

export async function requireCounter(store: StoreReads, centreId: string, counterId: string): Promise<Counter> {
  const counter = await store.getCounter(centreId, counterId);
  if (!counter) throw new AppError('counter.not_found', `No counter "${counterId}" in centre "${centreId}".`);
  return counter;
}
