import { isAppError, type TicketView } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import type { StoreReads } from '../kernel/store.port.ts';
import { readTicketView } from './tickets.usecases.ts';

/** Centre-wide lookups every ticket's view repeats: read once per batch, not once per ticket. */
const SHARED_READS = [
  'getCentre',
  'getService',
  'getSettings',
  'getCounter',
  'listCounters',
  'listCounterStates',
  'recentServiceDurations',
] as const satisfies readonly (keyof StoreReads)[];

function memoized(reads: StoreReads): StoreReads {
  const cache = new Map<string, Promise<unknown>>();
  const shared = new Set<string>(SHARED_READS);
  return new Proxy(reads, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      if (typeof name !== 'string' || !shared.has(name)) return fn.bind(target);
      return (...args: unknown[]) => {
        const key = `${name}:${JSON.stringify(args)}`;
        let hit = cache.get(key);
        if (!hit) cache.set(key, (hit = fn.apply(target, args)));
        return hit;
      };
    },
  });
}

/**
 * The views of many followed tickets in one consistent read (the /ticket namespace, after a burst
 * of facts): the centre, services, settings and counters are read once for all of them. A ticket
 * that no longer exists is left out.
 */
export async function readTicketViews(deps: Pick<Deps, 'store'>, ticketIds: readonly string[]): Promise<Map<string, TicketView>> {
  if (ticketIds.length === 0) return new Map();
  return deps.store.consistentRead(async (plain) => {
    const reads = memoized(plain);
    const views = new Map<string, TicketView>();
    for (const id of ticketIds) {
      try {
        views.set(id, await readTicketView(reads, id));
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
    }
    return views;
  });
}
