import type { PrintJob } from '../../protocol/bridge.schemas.ts';
import { emptyBitmap, stack, type Bitmap } from './bitmap.ts';
import { localDateTime, ticketLayout, type LayoutBlock, type TicketTemplate } from './ticket-layout.ts';

/**
 * What one print job puts on paper (issue #15, docs/large-print.md), pure like ticketLayout:
 * - the citizen's ticket, in large print when the centre chose it (every line but the number one
 *   size up: `enlarged` blocks, which the encoders print double width/height or in a bigger font);
 * - with `copies: 2`, a cut and then the desk's copy ("Liên lưu tại quầy"): the same number,
 *   service, priority, appointment and issue time, the dossier line and the ticket id to file it
 *   by, no QR code, no queue figures (they are stale by the time anyone files it), never in large
 *   print (staff read it). Both copies are ONE job: one journal entry on the bridge and one claim
 *   on the server, so a crash or a redelivery never prints a third copy (job-journal.ts).
 */

export const COPY_MARK = {
  citizen: { vi: 'Liên giao công dân', en: 'Citizen copy' },
  desk: { vi: 'LIÊN LƯU TẠI QUẦY', en: 'Desk copy' },
};

const text = (t: string, size: 'small' | 'normal' | 'large' | 'huge', bold = false): LayoutBlock => ({ kind: 'text', text: t, size, bold, align: 'center' });

/** Large print: every text block but the number one size up. */
export const enlarge = (blocks: readonly LayoutBlock[]): LayoutBlock[] =>
  blocks.map((b): LayoutBlock => (b.kind === 'text' && b.size !== 'huge' ? { ...b, enlarged: true } : b));

/** The blocks before a layout's closing feed and cut, and that tail. */
function beforeTail(blocks: readonly LayoutBlock[]): [LayoutBlock[], LayoutBlock[]] {
  let at = blocks.length;
  while (at > 0 && (blocks[at - 1]!.kind === 'cut' || blocks[at - 1]!.kind === 'feed')) at--;
  return [blocks.slice(0, at), blocks.slice(at)];
}

/** The desk's copy of a ticket: for the officer's file, not for the citizen. */
export function deskCopyLayout(job: PrintJob, template: TicketTemplate): LayoutBlock[] {
  const t = job.ticket;
  const en = template.showEnglish;
  const blocks: LayoutBlock[] = [];
  blocks.push(text(t.centreName.vi, 'small', true));
  blocks.push({ kind: 'rule' });
  blocks.push(text(COPY_MARK.desk.vi, 'normal', true));
  if (en) blocks.push(text(COPY_MARK.desk.en, 'small'));
  blocks.push(text(t.number, 'huge', true));
  blocks.push(text(t.serviceName.vi, 'large', true));
  if (t.priorityGroupName) blocks.push(text(`* ƯU TIÊN: ${t.priorityGroupName.vi} *`, 'normal', true));
  if (t.appointmentAt) blocks.push(text(`LỊCH HẸN ${localDateTime(t.appointmentAt, t.timeZone).slice(0, 5)}`, 'normal', true));
  blocks.push({ kind: 'rule' });
  blocks.push(text(`Giờ lấy số: ${localDateTime(t.issuedAt, t.timeZone)}`, 'normal'));
  // The server's footer names a result-return ticket's dossier (issue #14): what the desk files it under.
  if (t.footer) blocks.push(text(t.footer.vi, 'normal', true));
  blocks.push(text(`Mã phiếu: ${job.ticketId}`, 'small'));
  if (job.reprint) blocks.push(text(en ? 'Bản in lại / Reprint' : 'Bản in lại', 'small'));
  blocks.push({ kind: 'feed', lines: 3 });
  blocks.push({ kind: 'cut' });
  return blocks;
}

/** Everything one job prints, top to bottom: the citizen's ticket, then (copies 2) the desk's. */
export function jobLayout(job: PrintJob, template: TicketTemplate): LayoutBlock[] {
  const citizen = ticketLayout(job.ticket, template, { reprint: job.reprint });
  const sized = job.ticket.largePrint ? enlarge(citizen) : citizen;
  if (job.ticket.copies !== 2) return sized;
  const [body, tail] = beforeTail(sized);
  const mark = text(template.showEnglish ? `${COPY_MARK.citizen.vi} / ${COPY_MARK.citizen.en}` : COPY_MARK.citizen.vi, 'small');
  return [...body, ...(job.ticket.largePrint ? enlarge([mark]) : [mark]), ...tail, ...deskCopyLayout(job, template)];
}

/** The copies of a layout: each ends with its cut (the last may have none). Never empty. */
export function splitCopies(blocks: readonly LayoutBlock[]): LayoutBlock[][] {
  const copies: LayoutBlock[][] = [];
  let current: LayoutBlock[] = [];
  for (const b of blocks) {
    current.push(b);
    if (b.kind === 'cut') {
      copies.push(current);
      current = [];
    }
  }
  if (current.length > 0 || copies.length === 0) copies.push(current);
  return copies;
}

/** The preview of several copies (the simulator's PNG): one under the other, a dashed cut line between. */
export function stackCopies(bitmaps: readonly Bitmap[]): Bitmap {
  if (bitmaps.length === 1) return bitmaps[0]!;
  const width = Math.max(1, ...bitmaps.map((b) => b.width));
  const cutLine = emptyBitmap(width, 24);
  for (let x = 0; x < width; x++) if (x % 12 < 6) cutLine.bits[12 * width + x] = 1;
  return stack(bitmaps.flatMap((b, i) => (i === 0 ? [b] : [cutLine, b])));
}
