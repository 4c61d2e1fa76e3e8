/**
 * The console's waiting list (issue #15, counter-display/console/luot-waiting-list.ts): which
 * numbers wait for this counter, in call order, with their marks. Spread into messages.vi.ts and
 * messages.en.ts, so keys, completeness and placeholders are checked like every other string.
 */
export const waitingVi = {
  'waiting.title': 'Số đang chờ quầy này',
  'waiting.total': '{n} người chờ',
  'waiting.next': 'Tiếp theo',
  'waiting.minutes': '{n} phút',
  'waiting.justNow': 'vừa lấy số',
  'waiting.more': 'và {n} số khác',
  'waiting.none': 'Không có ai đang chờ quầy này',
  'waiting.loading': 'Đang tải danh sách chờ…',
  'waiting.failed': 'Chưa cập nhật được danh sách chờ, đang thử lại',
  'waiting.note': 'Theo thứ tự quầy sẽ gọi nếu không có gì thay đổi',
  'waiting.mark.priority': 'Ưu tiên: {group}',
  'waiting.mark.appointment': 'Lịch hẹn {time}',
  'waiting.mark.transferred': 'Chuyển từ {from}',
  'waiting.mark.transferredHere': 'Chuyển đến quầy này',
  'waiting.mark.transferredAnon': 'Được chuyển đến',
  'waiting.mark.returned': 'Trả lại hàng chờ',
  'waiting.mark.overdue': 'Chờ quá lâu',
  'waiting.mark.dossier': 'Hồ sơ {code}',
} as const;

export const waitingEn: Record<keyof typeof waitingVi, string> = {
  'waiting.title': 'Waiting for this counter',
  'waiting.total': '{n} waiting',
  'waiting.next': 'Next',
  'waiting.minutes': '{n} min',
  'waiting.justNow': 'just arrived',
  'waiting.more': 'and {n} more',
  'waiting.none': 'Nobody is waiting for this counter',
  'waiting.loading': 'Loading the waiting list…',
  'waiting.failed': 'Could not update the waiting list; retrying',
  'waiting.note': 'In the order this counter would call them if nothing changes',
  'waiting.mark.priority': 'Priority: {group}',
  'waiting.mark.appointment': 'Appointment {time}',
  'waiting.mark.transferred': 'Transferred from {from}',
  'waiting.mark.transferredHere': 'Sent to this counter',
  'waiting.mark.transferredAnon': 'Transferred in',
  'waiting.mark.returned': 'Returned to the queue',
  'waiting.mark.overdue': 'Waiting too long',
  'waiting.mark.dossier': 'Dossier {code}',
};
