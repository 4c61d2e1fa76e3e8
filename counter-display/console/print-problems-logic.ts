/**
 * What the console shows about printing (issue #4): tickets whose paper did not come out, so an
 * officer can reprint them, and printers that need a hand (paper, cover, cable). Pure.
 */
import '../../web-shared/client/zod-config.ts';
import type { DeviceView, PrintErrorCode, PrintJobView } from '../../protocol/print.schemas.ts';

/** Failures older than this are history for the reports page, not the console. */
export const RECENT_MS = 12 * 3_600_000;

/**
 * Failed or abandoned jobs of the last hours, newest first, one per ticket, leaving out tickets
 * that were printed afterwards (a successful reprint settles it).
 */
export function unprintedTickets(jobs: readonly PrintJobView[], nowMs: number): PrintJobView[] {
  const printedAfter = new Map<string, string>();
  for (const j of jobs) {
    if (j.status === 'printed' && (printedAfter.get(j.ticketId) ?? '') < j.updatedAt) printedAfter.set(j.ticketId, j.updatedAt);
  }
  const seen = new Set<string>();
  return [...jobs]
    .filter((j) => j.status === 'failed' || j.status === 'abandoned')
    .filter((j) => nowMs - Date.parse(j.updatedAt) <= RECENT_MS)
    .filter((j) => (printedAfter.get(j.ticketId) ?? '') < j.createdAt)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
    .filter((j) => (seen.has(j.ticketId) ? false : (seen.add(j.ticketId), true)));
}

/** Printers that are not fine: a status other than ok, or their bridge is not connected. */
export function printersNeedingCare(devices: readonly DeviceView[]): DeviceView[] {
  return devices.filter((d) => d.kind === 'printer' && (d.status !== 'ok' || !d.connected));
}

/** The message key for why a job did not print (the same words as the printer states). */
export function reasonKey(code: PrintErrorCode | undefined): string {
  if (code === 'print.timeout') return 'console.print.reason.timeout';
  if (code === 'print.no_bridge') return 'console.print.status.disconnected';
  if (code?.startsWith('printer.')) return `console.print.status.${code.slice('printer.'.length)}`;
  return 'console.print.status.error';
}
