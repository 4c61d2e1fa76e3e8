import type { Store } from '../../server/kernel/store.port.ts';

/**
 * Holds the next `consistentRead` of a live store (what a snapshot uses) until `release()`:
 * a deterministic stand-in for a snapshot read that waits behind a burst of writes.
 */
export function holdNextConsistentRead(store: Store) {
  const original = store.consistentRead;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let reached!: () => void;
  const reachedPromise = new Promise<void>((r) => (reached = r));
  store.consistentRead = async function held<T>(fn: Parameters<Store['consistentRead']>[0]) {
    store.consistentRead = original;
    reached();
    await released;
    return original.call(store, fn) as Promise<T>;
  } as Store['consistentRead'];
  return {
    /** Resolves when a read has reached the gate. */
    reached: reachedPromise,
    release,
    restore() {
      store.consistentRead = original;
      release();
    },
  };
}
