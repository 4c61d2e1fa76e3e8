import type { Clock } from '../../server/kernel/ports.ts';

/** A clock that only moves when the test says so. */
export interface FakeClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new Error(`fakeClock: bad start ${String(start)}`);
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at).getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}
