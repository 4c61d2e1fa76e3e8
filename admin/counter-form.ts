/**
 * The admin's counter form (luot-admin-counter-form.ts) as plain data: the services a counter
 * calls in their order (moved up and down), its call order and weights, turned into the
 * putCounter body, with hints before anything is sent.
 */
import type { CallOrder, Counter, CounterInput } from '../protocol/index.ts';
import { hintsOf, idHint, intOf, rangeHint, type FieldLabels, type Hint } from './admin-form.ts';

export interface CounterForm {
  id: string;
  number: string;
  /** In calling order: for `ordered`, the first service with anyone waiting goes first. */
  serviceIds: string[];
  callOrder: CallOrder;
  /** Per service id, as typed; used by `weighted`, kept while another order is chosen. */
  weights: Record<string, string>;
  active: boolean;
}

export const CALL_ORDERS: readonly CallOrder[] = ['fifo', 'ordered', 'weighted'];

/** A new counter takes the next free number and the id `quay-<number>`. */
export function newCounterForm(counters: readonly Counter[]): CounterForm {
  const number = Math.max(0, ...counters.map((c) => c.number)) + 1;
  return { id: `quay-${number}`, number: String(number), serviceIds: [], callOrder: 'fifo', weights: {}, active: true };
}

export function counterFormOf(c: Counter): CounterForm {
  return {
    id: c.id,
    number: String(c.number),
    serviceIds: [...c.serviceIds],
    callOrder: c.callOrder,
    weights: Object.fromEntries(c.serviceIds.map((id) => [id, String(c.weights[id] ?? 1)])),
    active: c.active,
  };
}

/** The service at `index` moved one place earlier (-1) or later (+1); unchanged at either end. */
export function moveService(f: CounterForm, index: number, delta: -1 | 1): CounterForm {
  const to = index + delta;
  if (index < 0 || index >= f.serviceIds.length || to < 0 || to >= f.serviceIds.length) return f;
  const serviceIds = [...f.serviceIds];
  [serviceIds[index], serviceIds[to]] = [serviceIds[to]!, serviceIds[index]!];
  return { ...f, serviceIds };
}

/** Adds a service at the end of the order (with weight 1); nothing if it is already there. */
export function addService(f: CounterForm, serviceId: string): CounterForm {
  if (!serviceId || f.serviceIds.includes(serviceId)) return f;
  return { ...f, serviceIds: [...f.serviceIds, serviceId], weights: { ...f.weights, [serviceId]: f.weights[serviceId] ?? '1' } };
}

export function removeService(f: CounterForm, serviceId: string): CounterForm {
  const { [serviceId]: _dropped, ...weights } = f.weights;
  return { ...f, serviceIds: f.serviceIds.filter((id) => id !== serviceId), weights };
}

/** The putCounter body. Weights are sent for the counter's services only; 1 is the default. */
export function counterBody(f: CounterForm): CounterInput {
  const weights: Record<string, number> = {};
  for (const id of f.serviceIds) {
    const w = intOf(f.weights[id] ?? '1');
    if (w !== 1) weights[id] = w;
  }
  return { number: intOf(f.number), serviceIds: [...f.serviceIds], callOrder: f.callOrder, weights, active: f.active };
}

export function counterHints(f: CounterForm, isNew: boolean, counters: readonly Counter[]): Hint[] {
  // Editing a counter keeps its own number; a new one may take nobody's.
  const clash = counters.find((c) => String(c.number) === f.number.trim() && (isNew || c.id !== f.id));
  return hintsOf(
    isNew
      ? idHint(
          'counterId',
          f.id,
          counters.map((c) => c.id),
        )
      : null,
    rangeHint('number', f.number, 1, 999) ?? (clash ? { field: 'number', key: 'admin.hint.numberTaken' } : null),
    ...f.serviceIds.map((id) => rangeHint(`weights.${id}`, f.weights[id] ?? '1', 1, 10)),
  );
}

/** Labels of the putCounter body paths (and `counterId`, the path's), for hints and API validation errors. */
export const counterFieldLabels: FieldLabels = {
  number: 'admin.counters.number',
  serviceIds: 'admin.counters.services',
  callOrder: 'admin.counters.callOrder',
  weights: 'admin.counters.weight',
  counterId: 'admin.counters.id',
};
