import { randomInt } from 'node:crypto';
import type { LuotModule, ModuleContext } from '../kernel/module.ts';
import type { AppointmentDeps } from './appointments.deps.ts';
import { appointmentsRoutes } from './appointments.routes.ts';

/** 8 random digits: typed on the kiosk's keypad, read from a QR by a scanner. */
export const randomCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');

/**
 * Appointments (issue #14): booking by the citizen's phone or the province portal, check-in at the
 * kiosk (a ticket in the appointment's place, server/queue/calling-policy.ts rule 2b), and the
 * managers' report. No-shows are computed, so no timer runs. docs/appointments.md.
 */
export function appointmentsModule(ctx: ModuleContext): LuotModule {
  return {
    name: 'appointments',
    routes: (deps) => {
      const ad: AppointmentDeps = { ...deps, newCode: randomCode };
      return [appointmentsRoutes(ad, { trustedProxies: ctx.config.TRUSTED_PROXIES })];
    },
  };
}
