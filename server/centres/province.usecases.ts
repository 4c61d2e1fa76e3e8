import { AppError, type Centre, type CreateCentreBody, type UpdateCentreBody } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { configure } from './admin.usecases.ts';

/**
 * Centre management by a province administrator (issue #13, docs/admin.md "Centres"). The
 * permission (`province:admin`) is the route's; these are the rules of the change itself.
 */

const centreOf = (id: string, body: Pick<CreateCentreBody, 'name' | 'address' | 'timeZone'>): Centre => ({
  id,
  name: body.name,
  // As given (the schema checked the runtime knows it): ICU would "canonicalise" Asia/Ho_Chi_Minh
  // to the older Asia/Saigon.
  timeZone: body.timeZone,
  ...(body.address ? { address: body.address } : {}),
});

/**
 * A new centre with the services, counters (closed, nobody at them) and settings of its template:
 * no staff, tickets, device tokens or records are copied. One transaction, under the new centre's
 * lock; its configuration version starts bumped like any configuration write.
 */
export async function createCentre(deps: Deps, body: CreateCentreBody): Promise<Centre> {
  const centre = centreOf(body.id, body);
  return deps.store.runInTx({ centreId: centre.id }, async (tx) => {
    if (await tx.getCentre(centre.id)) throw new AppError('centre.exists', `A centre "${centre.id}" exists already.`);
    const template = await tx.getCentre(body.templateCentreId);
    if (!template) throw new AppError('centre.not_found', `No template centre "${body.templateCentreId}".`);
    const services = await tx.listServices(template.id);
    const counters = await tx.listCounters(template.id);
    const settings = await tx.getSettings(template.id);
    await tx.upsertCentre(centre);
    for (const service of services) await tx.upsertService({ ...service, centreId: centre.id });
    for (const counter of counters) await tx.upsertCounter({ ...counter, centreId: centre.id });
    await tx.saveSettings(centre.id, settings);
    return centre;
  });
}

/**
 * Renames a centre, or changes its address or time zone. Like every configuration change it
 * bumps the centre's sequence, so its screens get a fresh snapshot (the name on the hall display
 * and on tickets changes at once). A new time zone moves the business day from the next call on.
 */
export function updateCentre(deps: Deps, centreId: string, body: UpdateCentreBody): Promise<Centre> {
  const centre = centreOf(centreId, body);
  return configure(deps, centreId, async (tx) => {
    await tx.upsertCentre(centre);
    return centre;
  });
}
