import type { Ids } from '../../server/kernel/ports.ts';

/** Deterministic, valid ids (IdSchema: letters, digits, - and _): `t-0001`, `t-0002` … */
export function sequentialIds(prefix = 'id'): Ids & { readonly issued: string[] } {
  const issued: string[] = [];
  return {
    issued,
    newId() {
      const id = `${prefix}-${String(issued.length + 1).padStart(4, '0')}`;
      issued.push(id);
      return id;
    },
  };
}
