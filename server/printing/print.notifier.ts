import type { Server } from 'socket.io';
import { CENTRE_NAMESPACE, PrintEvents } from '../../protocol/index.ts';
import type { PrintNotifier } from './printing.deps.ts';
import { centreRoom, type CentreNamespace } from '../centres/centre.namespace.ts';

/**
 * Print and device facts to the centre's `/centre` room: the kiosk waits for its job there, the
 * console shows failed prints and printers out of paper. Unsequenced (not queue state).
 */
export function createPrintNotifier(io: Server): PrintNotifier {
  const nsp = io.of(CENTRE_NAMESPACE) as CentreNamespace;
  return {
    printStatus: (job) => nsp.to(centreRoom(job.centreId)).emit(PrintEvents.status, job),
    deviceUpdated: (device) => nsp.to(centreRoom(device.centreId)).emit(PrintEvents.deviceUpdated, device),
  };
}
