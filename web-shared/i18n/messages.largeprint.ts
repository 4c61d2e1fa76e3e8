/**
 * Large print and the desk copy (issue #15, docs/large-print.md): the admin page's strings, kept
 * beside the main catalogues and spread into them (messages.vi.ts, messages.en.ts), so keys,
 * completeness and placeholders are checked like every other string (test/web/i18n.test.ts).
 * The printed ticket's own words live with its layout (firmware-bridge/printer/ticket-copies.ts).
 */
export const largePrintVi = {
  'admin.settings.largePrint': 'Chữ lớn trên kiosk và trên phiếu in (cho người cao tuổi, người kém mắt)',
  'admin.settings.ticketCopies': 'Số liên phiếu in',
  'admin.settings.ticketCopies.1': '1 liên: giao công dân',
  'admin.settings.ticketCopies.2': '2 liên: giao công dân và liên lưu tại quầy',
} as const;

export const largePrintEn: Record<keyof typeof largePrintVi, string> = {
  'admin.settings.largePrint': 'Large print on the kiosk and on the printed ticket (for older or low-vision citizens)',
  'admin.settings.ticketCopies': 'Printed copies per ticket',
  'admin.settings.ticketCopies.1': '1 copy: the citizen’s',
  'admin.settings.ticketCopies.2': '2 copies: the citizen’s and a desk copy',
};
