import type { CentreFact } from '../../protocol/index.ts';
import type { Notifier } from '../kernel/ports.ts';

/**
 * Use cases need a notifier before the socket server exists (and the socket server needs the
 * use cases): the relay is handed to both and forwards to whatever subscribes.
 */
export function createNotifierRelay(): Notifier & { subscribe(target: Notifier): () => void } {
  const targets = new Set<Notifier>();
  return {
    publish(fact: CentreFact) {
      for (const t of targets) t.publish(fact);
    },
    subscribe(target) {
      targets.add(target);
      return () => targets.delete(target);
    },
  };
}
