import { accountsModule } from './accounts/accounts.module.ts';
import { alertsModule } from './alerts/alerts.module.ts';
import { appointmentsModule } from './appointments/appointments.module.ts';
import { backupModule } from './backup/backup.module.ts';
import { centresModule } from './centres/centres.module.ts';
import { countersModule } from './counters/counters.module.ts';
import type { LuotModule, ModuleContext } from './kernel/module.ts';
import { operationsModule } from './operations/operations.module.ts';
import { createBridgeRegistry } from './printing/bridge.namespace.ts';
import { printingModule } from './printing/printing.module.ts';
import { ratingsModule } from './ratings/ratings.module.ts';
import { reportsModule } from './reports/reports.module.ts';
import { ticketsModule } from './tickets/tickets.module.ts';
import { dossiersModule } from './dossiers/dossiers.module.ts';
import { webhooksModule } from './webhooks/webhooks.module.ts';
import { pairingModule } from './pairing/pairing.module.ts';

/**
 * The server's feature modules, in the order their subscribers run after a ticket change and
 * their routes are matched. A new capability is one folder and one line here.
 */
export function createModules(ctx: ModuleContext) {
  // The firmware bridges carry both the printers and the rating keypads: one registry of their
  // connections to this instance, shared by the two modules; the others' through ctx.peers.
  const bridges = createBridgeRegistry(ctx.peers);
  const ratings = ratingsModule(ctx);
  const printing = printingModule(ctx, { bridges, ratings: ratings.deps });
  const list: LuotModule[] = [
    accountsModule(ctx),
    centresModule(ctx),
    ticketsModule(ctx),
    countersModule(ctx),
    reportsModule(ctx),
    printing,
    ratings,
    dossiersModule(),
    appointmentsModule(ctx),
    webhooksModule(ctx),
    operationsModule(ctx),
    alertsModule(ctx),
    backupModule(ctx),
    pairingModule(ctx),
  ];
  return { list, printing: printing.deps, ratings: ratings.deps };
}
