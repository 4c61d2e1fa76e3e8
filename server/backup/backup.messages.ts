import { ConfigError, loadConfig, type Config } from '../config.ts';
/**
 * What `npm run backup` and `npm run restore` say, in Vietnamese and English. The tools print
 * both, Vietnamese first (docs/backup.md): an operator reads the language they know whatever the
 * machine's LANG, and a message pasted into a support request is understood by both sides.
 */
export interface Said {
  vi: string;
  en: string;
}

/** Both languages, one line each. */
export const bilingual = (s: Said) => `${s.vi}\n${s.en}`;

const DOCS = 'docs/backup.md';

export const say = {
  backupUsage: (): Said => ({
    vi: 'Cách dùng: npm run backup [-- --out <tệp hoặc thư mục>]',
    en: 'Usage: npm run backup [-- --out <file or folder>]',
  }),
  restoreUsage: (): Said => ({
    vi: 'Cách dùng: npm run restore -- <tệp sao lưu>   (dừng máy chủ trước)',
    en: 'Usage: npm run restore -- <backup file>   (stop the server first)',
  }),
  postgres: (): Said => ({
    vi: `DATABASE_URL trỏ tới PostgreSQL: lệnh này chỉ dành cho tệp SQLite nhúng. Hãy sao lưu và khôi phục bằng pg_dump / pg_restore hoặc khôi phục theo thời điểm (PITR), xem ${DOCS}.`,
    en: `DATABASE_URL names a PostgreSQL database: this command is for the embedded SQLite file only. Use pg_dump / pg_restore or point-in-time recovery, see ${DOCS}.`,
  }),
  noStore: (file: string): Said => ({
    vi: `Không có kho dữ liệu SQLite tại ${file}: kiểm tra DATA_DIR.`,
    en: `There is no SQLite store at ${file}: check DATA_DIR.`,
  }),
  backupWritten: (file: string, bytes: number, ms: number): Said => ({
    vi: `Đã sao lưu vào ${file} (${bytes} byte, ${ms} ms).`,
    en: `Backup written to ${file} (${bytes} bytes, ${ms} ms).`,
  }),
  backupFailed: (detail: string): Said => ({
    vi: `Sao lưu không thành công: ${detail}`,
    en: `The backup failed: ${detail}`,
  }),
  noFile: (file: string): Said => ({
    vi: `Không tìm thấy tệp sao lưu ${file}.`,
    en: `The backup file ${file} does not exist.`,
  }),
  notSqlite: (file: string): Said => ({
    vi: `${file} không phải là tệp cơ sở dữ liệu SQLite (phần đầu tệp sai). Không thay đổi gì.`,
    en: `${file} is not a SQLite database file (its header is wrong). Nothing was changed.`,
  }),
  damaged: (file: string, detail: string): Said => ({
    vi: `${file} bị hỏng: kiểm tra toàn vẹn (integrity_check) báo lỗi: ${detail}. Không thay đổi gì; hãy dùng bản sao lưu khác.`,
    en: `${file} is damaged: the integrity check reports: ${detail}. Nothing was changed; use another backup.`,
  }),
  notLuot: (file: string): Said => ({
    vi: `${file} không phải bản sao lưu của Luot (không có bảng kysely_migration). Không thay đổi gì.`,
    en: `${file} is not a Luot backup (it has no kysely_migration table). Nothing was changed.`,
  }),
  newer: (file: string, unknown: string[]): Said => ({
    vi: `${file} được tạo bởi phiên bản Luot mới hơn (có migration ${unknown.join(', ')} mà mã này không biết). Hãy cài phiên bản Luot đó rồi khôi phục. Không thay đổi gì.`,
    en: `${file} was made by a newer Luot (it has migrations ${unknown.join(', ')} this code does not know). Install that version of Luot, then restore. Nothing was changed.`,
  }),
  sameFile: (file: string): Said => ({
    vi: `${file} chính là kho dữ liệu đang dùng: hãy chỉ ra một tệp sao lưu.`,
    en: `${file} is the store itself: name a backup file.`,
  }),
  running: (file: string): Said => ({
    vi: `Máy chủ Luot đang chạy trên ${file} (hoặc một tiến trình khác đang mở tệp này). Hãy dừng máy chủ (ví dụ: systemctl stop luot) rồi chạy lại lệnh khôi phục. Không thay đổi gì.`,
    en: `A Luot server is running on ${file} (or another process has it open). Stop the server (e.g. systemctl stop luot), then run the restore again. Nothing was changed.`,
  }),
  unreadableOld: (file: string, detail: string): Said => ({
    vi: `Cảnh báo: không mở được kho dữ liệu cũ ${file} (${detail}); vẫn giữ nguyên nó (cùng các tệp -wal/-shm) bên cạnh.`,
    en: `Warning: the old store ${file} could not be opened (${detail}); it is kept aside as it is (with its -wal/-shm files).`,
  }),
  restored: (file: string, from: string): Said => ({
    vi: `Đã khôi phục ${file} từ ${from}; kiểm tra toàn vẹn: ok.`,
    en: `Restored ${file} from ${from}; integrity check: ok.`,
  }),
  sameSchema: (): Said => ({
    vi: 'Phiên bản lược đồ trùng với mã này.',
    en: 'Its schema version is this code’s.',
  }),
  olderSchema: (missing: string[]): Said => ({
    vi: `Bản sao lưu có lược đồ cũ hơn: máy chủ sẽ tự áp dụng ${missing.length} migration (${missing.join(', ')}) ở lần khởi động tới.`,
    en: `The backup has an older schema: the server applies ${missing.length} migration(s) (${missing.join(', ')}) when it next starts.`,
  }),
  keptAside: (file: string): Said => ({
    vi: `Kho dữ liệu cũ được giữ lại tại ${file}.`,
    en: `The replaced store is kept at ${file}.`,
  }),
  nothingReplaced: (): Said => ({
    vi: 'Thư mục dữ liệu chưa có kho dữ liệu nào: không có gì bị thay thế.',
    en: 'The data folder had no store: nothing was replaced.',
  }),
  startNow: (): Said => ({
    vi: 'Giờ có thể khởi động máy chủ.',
    en: 'You can start the server now.',
  }),
  restoreFailed: (detail: string): Said => ({
    vi: `Khôi phục không thành công: ${detail}`,
    en: `The restore failed: ${detail}`,
  }),
};

/**
 * The server's settings for `npm run backup` and `npm run restore`, which work on the embedded
 * store only: null, with the one line already told, when they are invalid or name PostgreSQL
 * (exit 2 either way).
 */
export function embeddedStoreConfig(env: Record<string, string | undefined>, tell: (line: string) => void): Config | null {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    tell(error.message);
    return null;
  }
  if (config.DATABASE_URL) {
    tell(bilingual(say.postgres()));
    return null;
  }
  return config;
}
