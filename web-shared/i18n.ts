/**
 * Every user-facing string of the kiosk, console and display. Vietnamese is the default; English
 * is for foreign residents and visitors. DOM-free so the completeness test runs in node.
 */
import type { ErrorCode, Language, LocalizedText } from '../protocol/index.ts';

/** Errors the front-ends add to the server's codes: the request never got an answer. */
export type ClientErrorCode = ErrorCode | 'network';

type ErrorKeys = Record<`error.${ClientErrorCode}`, string>;

const vi = {
  'lang.switch': 'English',
  'app.loading': 'Đang tải…',
  'app.offline': 'Mất kết nối – đang kết nối lại…',
  'counter.label': 'Quầy số {n}',
  'ticket.state.waiting': 'Đang chờ',
  'ticket.state.called': 'Đã gọi, chờ công dân đến',
  'ticket.state.serving': 'Đang phục vụ',
  'ticket.state.done': 'Đã hoàn thành',
  'ticket.state.no_show': 'Vắng mặt',
  'kiosk.title': 'Mời chọn lĩnh vực cần giải quyết',
  'kiosk.hint': 'Chạm vào ô tương ứng để lấy số thứ tự',
  'kiosk.issuing': 'Đang lấy số…',
  'kiosk.yourNumber': 'Số thứ tự của bạn',
  'kiosk.issuedAt': 'Thời gian lấy số: {time}',
  'kiosk.peopleAhead': 'Số người đang chờ trước bạn: {n}',
  'kiosk.pleaseWait': 'Vui lòng chờ đến lượt',
  'kiosk.back': 'Quay lại',
  'kiosk.returning': 'Tự động quay lại sau {n} giây',
  'kiosk.noServices': 'Hiện chưa có lĩnh vực nào nhận hồ sơ',
  'console.pickCounter': 'Chọn quầy',
  'console.callNext': 'Gọi số tiếp theo',
  'console.startServing': 'Bắt đầu phục vụ',
  'console.finish': 'Hoàn thành',
  'console.current': 'Số đang tiếp nhận',
  'console.noCurrent': 'Quầy chưa gọi số nào',
  'console.waiting': 'Số người đang chờ theo lĩnh vực',
  'console.waitingTotal': 'Tổng số đang chờ: {n}',
  'console.noCounters': 'Trung tâm chưa có quầy nào',
  'display.latest': 'Mời công dân có số',
  'display.previous': 'Các số vừa gọi',
  'display.none': 'Chưa có số nào được gọi',
  'error.request.invalid_payload': 'Yêu cầu không hợp lệ',
  'error.request.malformed': 'Yêu cầu không đúng định dạng',
  'error.request.unsupported_media_type': 'Yêu cầu không đúng định dạng',
  'error.centre.not_found': 'Không tìm thấy trung tâm',
  'error.service.not_found': 'Không tìm thấy lĩnh vực',
  'error.service.inactive': 'Lĩnh vực này đang tạm ngừng nhận hồ sơ',
  'error.service.numbers_exhausted': 'Lĩnh vực này đã hết số thứ tự trong hôm nay',
  'error.counter.not_found': 'Không tìm thấy quầy',
  'error.counter.inactive': 'Quầy này đang tạm ngừng hoạt động',
  'error.counter.has_current_ticket': 'Quầy đang tiếp nhận một số khác, hãy hoàn thành trước',
  'error.counter.no_current_ticket': 'Quầy chưa gọi số nào',
  'error.counter.ticket_mismatch': 'Số đang tiếp nhận đã thay đổi, vui lòng thử lại',
  'error.queue.empty': 'Không có số nào đang chờ',
  'error.ticket.not_found': 'Không tìm thấy phiếu',
  'error.staff.not_found': 'Không tìm thấy cán bộ',
  'error.ticket.invalid_transition': 'Không thực hiện được với trạng thái hiện tại của phiếu',
  'error.route.not_found': 'Không tìm thấy chức năng được yêu cầu',
  'error.internal': 'Hệ thống đang gặp lỗi, vui lòng thử lại',
  'error.network': 'Không kết nối được tới máy chủ',
} as const satisfies ErrorKeys & Record<string, string>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'lang.switch': 'Tiếng Việt',
  'app.loading': 'Loading…',
  'app.offline': 'Connection lost – reconnecting…',
  'counter.label': 'Counter {n}',
  'ticket.state.waiting': 'Waiting',
  'ticket.state.called': 'Called, waiting for the citizen',
  'ticket.state.serving': 'Being served',
  'ticket.state.done': 'Done',
  'ticket.state.no_show': 'No-show',
  'kiosk.title': 'Please choose a service',
  'kiosk.hint': 'Touch a box to take a queue number',
  'kiosk.issuing': 'Getting your number…',
  'kiosk.yourNumber': 'Your number',
  'kiosk.issuedAt': 'Issued at: {time}',
  'kiosk.peopleAhead': 'People waiting ahead of you: {n}',
  'kiosk.pleaseWait': 'Please wait for your turn',
  'kiosk.back': 'Back',
  'kiosk.returning': 'Returning in {n} s',
  'kiosk.noServices': 'No service is taking tickets right now',
  'console.pickCounter': 'Choose a counter',
  'console.callNext': 'Call next',
  'console.startServing': 'Start serving',
  'console.finish': 'Finish',
  'console.current': 'Current ticket',
  'console.noCurrent': 'No ticket at this counter',
  'console.waiting': 'Waiting per service',
  'console.waitingTotal': 'Total waiting: {n}',
  'console.noCounters': 'This centre has no counters yet',
  'display.latest': 'Now calling',
  'display.previous': 'Recent calls',
  'display.none': 'No numbers called yet',
  'error.request.invalid_payload': 'Invalid request',
  'error.request.malformed': 'Malformed request',
  'error.request.unsupported_media_type': 'Unsupported request format',
  'error.centre.not_found': 'Centre not found',
  'error.service.not_found': 'Service not found',
  'error.service.inactive': 'This service is not taking tickets right now',
  'error.service.numbers_exhausted': 'This service has no numbers left today',
  'error.counter.not_found': 'Counter not found',
  'error.counter.inactive': 'This counter is not in use',
  'error.counter.has_current_ticket': 'This counter is still attending a ticket; finish it first',
  'error.counter.no_current_ticket': 'This counter is not attending any ticket',
  'error.counter.ticket_mismatch': 'The current ticket changed meanwhile; please try again',
  'error.queue.empty': 'No one is waiting',
  'error.ticket.not_found': 'Ticket not found',
  'error.staff.not_found': 'Officer not found',
  'error.ticket.invalid_transition': "Not possible in the ticket's current state",
  'error.route.not_found': 'Not found',
  'error.internal': 'Something went wrong; please try again',
  'error.network': 'Cannot reach the server',
};

export const messages: Record<Language, Record<MessageKey, string>> = { vi, en };

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** The text for `key`, with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[lang][key] ?? messages.vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A localized message for an error code; unknown codes read as an internal error. */
export function errorText(lang: Language, code: string): string {
  const key = `error.${code}`;
  return key in vi ? t(lang, key as MessageKey) : t(lang, 'error.internal');
}

/** Picks the language from a `?lang=` value; anything but a known language means Vietnamese. */
export function parseLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'vi';
}

/** A configured label (service or centre name) in the chosen language. */
export const localized = (text: LocalizedText, lang: Language): string => text[lang] || text.vi;
