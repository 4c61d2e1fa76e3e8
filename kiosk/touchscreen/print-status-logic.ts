/**
 * What the kiosk says about the paper ticket (issue #4), as plain functions tested in node:
 * "Mời nhận phiếu" only once the bridge says it printed; on failure the number stays on screen
 * with the QR code and a message that says why. Types from the protocol, no zod in the bundle.
 */
import type { Language } from '../../protocol/common.schemas.ts';
import type { PrintJobView } from '../../protocol/print.schemas.ts';

export type PrintPhase = 'printing' | 'printed' | 'failed';

export interface PrintDisplay {
  phase: PrintPhase;
  /** Headline, large. */
  title: string;
  /** One line under it: why it failed and what to do. */
  detail: string | null;
}

const text = {
  vi: {
    printing: 'Đang in phiếu…',
    printed: 'Mời nhận phiếu',
    printedDetail: 'Phiếu của bạn ở khe máy in bên dưới.',
    failed: 'Chưa in được phiếu',
    failedDetail: 'Số thứ tự của bạn vẫn có hiệu lực. Hãy ghi nhớ số, hoặc quét mã QR để theo dõi trên điện thoại.',
    'printer.paper_out': 'Máy in hết giấy.',
    'printer.cover_open': 'Nắp máy in đang mở.',
    'printer.offline': 'Máy in không phản hồi.',
    'printer.error': 'Máy in gặp lỗi.',
    'print.timeout': 'Máy in không phản hồi kịp.',
    'print.no_bridge': 'Máy in đang mất kết nối.',
    staff: 'Cán bộ sẽ in lại phiếu nếu bạn cần.',
  },
  en: {
    printing: 'Printing your ticket…',
    printed: 'Please take your ticket',
    printedDetail: 'Your ticket is at the printer slot below.',
    failed: 'Your ticket could not be printed',
    failedDetail: 'Your number is still valid. Remember it, or scan the QR code to follow it on your phone.',
    'printer.paper_out': 'The printer is out of paper.',
    'printer.cover_open': 'The printer cover is open.',
    'printer.offline': 'The printer does not respond.',
    'printer.error': 'The printer has a problem.',
    'print.timeout': 'The printer did not respond in time.',
    'print.no_bridge': 'The printer is not connected.',
    staff: 'Staff can print it again for you.',
  },
} as const;

type Reason = Exclude<keyof (typeof text)['vi'], 'printing' | 'printed' | 'printedDetail' | 'failed' | 'failedDetail' | 'staff'>;

/** The kiosk's words for a job's state. `job` null: not known yet (the first answer is on its way). */
export function printDisplay(job: Pick<PrintJobView, 'status' | 'error'> | null, lang: Language, timedOut = false): PrintDisplay {
  const t = text[lang];
  if (job?.status === 'printed') return { phase: 'printed', title: t.printed, detail: t.printedDetail };
  if (job && (job.status === 'failed' || job.status === 'abandoned')) {
    const code = job.error?.code as Reason | undefined;
    const why = code && code in t ? `${t[code]} ` : '';
    return { phase: 'failed', title: t.failed, detail: `${why}${t.failedDetail} ${t.staff}` };
  }
  // The server abandons a job at its deadline; a kiosk that cannot reach it stops waiting too.
  if (timedOut) return { phase: 'failed', title: t.failed, detail: `${t.failedDetail} ${t.staff}` };
  return { phase: 'printing', title: t.printing, detail: null };
}

/** How long the kiosk follows a job before giving up by itself (the server's timeout is 10 s by default). */
export const FOLLOW_MS = 15_000;
/** How often it asks. */
export const POLL_MS = 400;
