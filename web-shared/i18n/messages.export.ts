/**
 * The reports page's download progress (reports/luot-report-export.ts, issue #15), spread into
 * the main catalogues (messages.vi.ts, messages.en.ts) like messages.reports.ts.
 */
export const exportVi = {
  'export.preparing': 'Đang chuẩn bị tệp {format}…',
  'export.progressLabel': 'Tiến độ tải tệp {format}',
  'export.rows': '{done} / {total} dòng',
  'export.rowsAbout': 'khoảng {done} / {total} dòng',
  'export.rowsSoFar': 'đã nhận {done} dòng',
  'export.bytesSoFar': 'đã nhận {size}',
  'export.cancel': 'Hủy tải',
  'export.cancelled': 'Đã hủy tải về.',
  'export.done': 'Đã tải xong {file}.',
  'export.failed': 'Không tải được tệp: {reason}',
  'export.cut': 'Tệp bị ngắt giữa chừng nên không được lưu. Vui lòng thử lại.',
} as const;

export const exportEn: Record<keyof typeof exportVi, string> = {
  'export.preparing': 'Preparing the {format} file…',
  'export.progressLabel': '{format} download progress',
  'export.rows': '{done} of {total} rows',
  'export.rowsAbout': 'about {done} of {total} rows',
  'export.rowsSoFar': '{done} rows received',
  'export.bytesSoFar': '{size} received',
  'export.cancel': 'Cancel download',
  'export.cancelled': 'Download cancelled.',
  'export.done': 'Downloaded {file}.',
  'export.failed': 'The file could not be downloaded: {reason}',
  'export.cut': 'The file was cut off midway, so it was not saved. Please try again.',
};
