import type { PrintTicket } from '../../protocol/bridge.schemas.ts';

/**
 * The ticket as a list of blocks, from the ticket's data and the printer's template: a pure
 * function (no I/O, no clock), so what a ticket says is tested without a printer. The encoders
 * (escpos-raster.ts, escpos-text.ts) turn blocks into bytes. DOMAIN.md "What a ticket shows":
 * centre, lĩnh vực, the number large, local issue time, people ahead, estimated wait, a QR code
 * to the status page, a priority mark, a short footer.
 */
export type Align = 'left' | 'center' | 'right';
/** small: secondary lines (English); normal: body; large: the service; huge: the number. */
export type TextSize = 'small' | 'normal' | 'large' | 'huge';

export type LayoutBlock =
  /** `enlarged`: large print (issue #15, ticket-copies.ts) — one size up: double width/height in text modes, a bigger font in raster. */
  | { kind: 'text'; text: string; size: TextSize; bold: boolean; align: Align; enlarged?: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string }
  /** An image the encoder was given under this name (the centre's logo). */
  | { kind: 'image'; name: string }
  /** Blank space, in text lines. */
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface TicketTemplate {
  /** An English line under each Vietnamese one (foreign residents, visitors). */
  showEnglish: boolean;
  /** The printer's own footer; the centre's (sent with the job) wins; null: the default. */
  footer: { vi: string; en?: string | undefined } | null;
  /** Print the image named "logo" at the top. */
  logo: boolean;
  /** The QR code to the status page. */
  showQr: boolean;
}

export const DEFAULT_FOOTER = { vi: 'Vui lòng chờ đến lượt', en: 'Please wait for your number to be called' };

export const DEFAULT_TEMPLATE: TicketTemplate = { showEnglish: true, footer: null, logo: false, showQr: true };

/** "08:15 22/11/2026" in the centre's zone, whatever the zone of the PC (no DST in Vietnam, but be exact anyway). */
export function localDateTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ${get('day')}/${get('month')}/${get('year')}`;
}

const text = (t: string, size: TextSize, bold = false, align: Align = 'center'): LayoutBlock => ({ kind: 'text', text: t, size, bold, align });

/**
 * Joins words a line must not break between (the encoders wrap only at ordinary spaces and print
 * it as one): on 58 mm "khoảng 56 phút" wrapped the number away from its unit (issue #15).
 */
export const KEEP_TOGETHER = '\u00a0';

/** The words a line may break between: split at whitespace other than KEEP_TOGETHER. */
export const wrapWords = (text: string): string[] => text.split(/[^\S\u00a0]+/).filter(Boolean);

/** A wrapped line as printed: KEEP_TOGETHER becomes an ordinary space. */
export const printedLine = (line: string): string => line.replaceAll(KEEP_TOGETHER, ' ');

export function waitText(minutes: number | null): { vi: string; en: string } {
  const keep = (...parts: (string | number)[]) => parts.join(KEEP_TOGETHER);
  if (minutes === null) return { vi: keep('chưa', 'xác', 'định'), en: keep('not', 'known', 'yet') };
  if (minutes === 0) return { vi: keep('sắp', 'đến', 'lượt'), en: keep('very', 'soon') };
  return { vi: keep('khoảng', minutes, 'phút'), en: keep('about', minutes, 'min') };
}

/** The blocks of one ticket, top to bottom, ending with the cut. */
export function ticketLayout(ticket: PrintTicket, template: TicketTemplate, options: { reprint?: boolean } = {}): LayoutBlock[] {
  const en = template.showEnglish;
  const blocks: LayoutBlock[] = [];
  const both = (vi: string, english: string, size: TextSize = 'normal', bold = false) => {
    blocks.push(text(vi, size, bold));
    if (en) blocks.push(text(english, 'small'));
  };

  if (template.logo) blocks.push({ kind: 'image', name: 'logo' });
  blocks.push(text(ticket.centreName.vi, 'normal', true));
  if (en) blocks.push(text(ticket.centreName.en, 'small'));
  blocks.push({ kind: 'rule' });

  blocks.push(text(en ? 'SỐ THỨ TỰ / YOUR NUMBER' : 'SỐ THỨ TỰ', 'small', true));
  blocks.push(text(ticket.number, 'huge', true));
  both(ticket.serviceName.vi, ticket.serviceName.en, 'large', true);
  if (ticket.priorityGroupName) {
    both(`* ƯU TIÊN: ${ticket.priorityGroupName.vi} *`, `Priority: ${ticket.priorityGroupName.en}`, 'normal', true);
  }
  if (ticket.appointmentAt) {
    // Issue #14: checked in with an appointment; called at this time ahead of walk-ins (docs/appointments.md).
    const hm = localDateTime(ticket.appointmentAt, ticket.timeZone).slice(0, 5);
    both(`LỊCH HẸN ${hm}`, `Appointment ${hm}`, 'large', true);
  }
  blocks.push({ kind: 'rule' });

  const when = localDateTime(ticket.issuedAt, ticket.timeZone);
  both(`Giờ lấy số: ${when}`, `Issued: ${when}`);
  both(`Số người chờ trước bạn: ${ticket.peopleAhead}`, `People ahead of you: ${ticket.peopleAhead}`, 'normal', true);
  const wait = waitText(ticket.estimatedWaitMinutes);
  both(`Thời gian chờ dự kiến: ${wait.vi}`, `Estimated wait: ${wait.en}`);

  if (template.showQr) {
    blocks.push({ kind: 'qr', data: ticket.statusUrl });
    both('Quét mã để theo dõi lượt của bạn', 'Scan to follow your turn', 'small');
  }

  const footer = ticket.footer ?? template.footer ?? DEFAULT_FOOTER;
  blocks.push({ kind: 'rule' });
  blocks.push(text(footer.vi, 'normal', true));
  if (en && footer.en) blocks.push(text(footer.en, 'small'));
  if (options.reprint) blocks.push(text(en ? 'Bản in lại / Reprint' : 'Bản in lại', 'small'));
  blocks.push({ kind: 'feed', lines: 3 });
  blocks.push({ kind: 'cut' });
  return blocks;
}
