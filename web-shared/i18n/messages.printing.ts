/**
 * The console's printing strings ("Phiếu chưa in được", reprint, printer states; issue #4), spread
 * into the main catalogues like messages.reports.ts, so the i18n test checks them the same way.
 */
export const printingVi = {
  'console.print.title': 'Phiếu chưa in được',
  'console.print.none': 'Mọi phiếu đều đã in',
  'console.print.reprint': 'In lại phiếu',
  'console.print.reprinted': 'Đã gửi lệnh in lại phiếu {n}',
  'console.print.printer': 'Máy in {id}',
  'console.print.status.ok': 'bình thường',
  'console.print.status.paper_low': 'sắp hết giấy',
  'console.print.status.paper_out': 'hết giấy',
  'console.print.status.cover_open': 'nắp đang mở',
  'console.print.status.offline': 'không phản hồi',
  'console.print.status.error': 'gặp lỗi',
  'console.print.status.disconnected': 'mất kết nối',
  'console.print.reason.timeout': 'máy in không phản hồi kịp',
} as const;

export const printingEn: Record<keyof typeof printingVi, string> = {
  'console.print.title': 'Tickets not printed',
  'console.print.none': 'Every ticket has printed',
  'console.print.reprint': 'Print again',
  'console.print.reprinted': 'Ticket {n} sent to the printer again',
  'console.print.printer': 'Printer {id}',
  'console.print.status.ok': 'fine',
  'console.print.status.paper_low': 'paper low',
  'console.print.status.paper_out': 'out of paper',
  'console.print.status.cover_open': 'cover open',
  'console.print.status.offline': 'not responding',
  'console.print.status.error': 'has a problem',
  'console.print.status.disconnected': 'disconnected',
  'console.print.reason.timeout': 'the printer did not answer in time',
};
