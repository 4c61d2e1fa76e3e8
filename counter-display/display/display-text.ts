/** Short labels the displays print beside names. Pure. */
import type { Service } from '../../protocol/index.ts';

/** A service's mark: its letter prefix (A), or the start of its number band (1001…). */
export const serviceMark = (s: Pick<Service, 'numbering'>): string => (s.numbering.mode === 'prefix' ? s.numbering.prefix : `${s.numbering.start}…`);

/** The marks of the services a counter calls, in its order: "A · D". */
export function counterMarks(serviceIds: readonly string[], services: readonly Service[]): string {
  return serviceIds
    .map((id) => services.find((s) => s.id === id))
    .filter((s): s is Service => s !== undefined)
    .map(serviceMark)
    .join(' · ');
}
