import type { CounterView } from '../../protocol/index.ts';
import type { StoreReads } from './store.port.ts';

/**
 * Counter displays show who works the counter (the officer's name, a transparency habit of
 * one-stop desks). Display devices may not list staff, so the name travels in the counter's view.
 */
export async function officerNames(reads: Pick<StoreReads, 'listStaff'>, centreId: string): Promise<Map<string, string>> {
  return new Map((await reads.listStaff(centreId)).map((s) => [s.id, s.name]));
}

/** The view with `officerName` while somebody holds the counter (no key at all otherwise). */
export function withOfficer(view: Omit<CounterView, 'officerName'>, names: ReadonlyMap<string, string>): CounterView {
  const name = view.state.staffId ? names.get(view.state.staffId) : undefined;
  return name ? { ...view, officerName: name } : view;
}
