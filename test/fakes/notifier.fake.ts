import type { CentreFact } from '../../protocol/index.ts';
import type { Notifier } from '../../server/kernel/ports.ts';

/** Keeps every published fact, in order, for assertions. */
export interface RecordingNotifier extends Notifier {
  readonly facts: CentreFact[];
  ofType<T extends CentreFact['type']>(type: T): Extract<CentreFact, { type: T }>[];
  clear(): void;
}

export function recordingNotifier(): RecordingNotifier {
  const facts: CentreFact[] = [];
  return {
    facts,
    publish(fact) {
      facts.push(structuredClone(fact));
    },
    ofType<T extends CentreFact['type']>(type: T) {
      return facts.filter((f): f is Extract<CentreFact, { type: T }> => f.type === type);
    },
    clear() {
      facts.length = 0;
    },
  };
}
