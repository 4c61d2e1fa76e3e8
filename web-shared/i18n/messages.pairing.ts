/**
 * Pairing a device with a short code (issue #15): the device's pairing screen, the admin page's
 * code, QR and PUBLIC_URL warning, and the errors of redeemPairingCode; spread into the main
 * catalogues like messages.reports.ts.
 */
export const pairingVi = {
  'error.pairing.invalid': 'Mã ghép nối không đúng. Hãy kiểm tra lại mã trên trang quản trị',
  'error.pairing.expired': 'Mã ghép nối đã hết hạn hoặc đã bị hủy. Hãy tạo mã mới trên trang quản trị',
  'error.pairing.used': 'Mã ghép nối này đã được dùng. Hãy tạo mã mới trên trang quản trị',
  'error.pairing.wrong_kind': 'Mã ghép nối này dành cho loại thiết bị khác',
  'error.pairing.rate_limited': 'Nhập sai quá nhiều lần, vui lòng đợi một phút rồi thử lại',
  'pairing.title': 'Ghép thiết bị',
  'pairing.intro': 'Thiết bị này chưa được ghép nối. Nhập mã ghép nối 8 ký tự hiện trên trang quản trị (Quản trị → Thiết bị).',
  'pairing.as': 'Ghép làm: {kind}',
  'pairing.code': 'Mã ghép nối',
  'pairing.submit': 'Ghép nối',
  'pairing.backspace': 'Xóa ký tự',
  'pairing.clear': 'Xóa hết',
  'pairing.busy': 'Đang ghép nối…',
  'pairing.done': 'Đã ghép nối “{name}”. Đang khởi động…',
  'pairing.skip': 'Bỏ qua (cán bộ đã đăng nhập)',
  'admin.pairing.code': 'Hoặc nhập mã ghép nối này trên màn hình của thiết bị:',
  'admin.pairing.expiresIn': 'Còn hiệu lực {time}, dùng được một lần',
  'admin.pairing.expired': 'Mã ghép nối đã hết hạn: thu hồi thiết bị này và tạo lại nếu chưa ghép nối',
  'admin.pairing.revoke': 'Hủy mã ghép nối',
  'admin.pairing.revoked': 'Đã hủy mã ghép nối',
  'admin.pairing.qr': 'Mã QR của địa chỉ ghép nối (quét bằng thiết bị có camera):',
  'admin.pairing.noPublicUrl':
    'Chưa đặt PUBLIC_URL: địa chỉ ghép nối và mã QR dùng địa chỉ bạn đang mở trang quản trị ({origin}). Hãy đặt PUBLIC_URL bằng địa chỉ mà kiosk, màn hình và điện thoại trong trung tâm truy cập được.',
  'admin.pairing.loopback':
    '{host} chỉ là chính máy này: các thiết bị khác không mở được địa chỉ này. Hãy mở trang quản trị bằng địa chỉ mạng LAN của máy chủ hoặc đặt PUBLIC_URL.',
} as const;

export const pairingEn = {
  'error.pairing.invalid': 'Wrong pairing code. Check the code on the admin page',
  'error.pairing.expired': 'This pairing code has expired or was withdrawn. Make a new one on the admin page',
  'error.pairing.used': 'This pairing code has already been used. Make a new one on the admin page',
  'error.pairing.wrong_kind': 'This pairing code is for another kind of device',
  'error.pairing.rate_limited': 'Too many wrong codes; wait a minute and try again',
  'pairing.title': 'Pair this device',
  'pairing.intro': 'This device is not paired yet. Type the 8-character pairing code shown on the admin page (Admin → Devices).',
  'pairing.as': 'Pair as: {kind}',
  'pairing.code': 'Pairing code',
  'pairing.submit': 'Pair',
  'pairing.backspace': 'Delete a character',
  'pairing.clear': 'Clear',
  'pairing.busy': 'Pairing…',
  'pairing.done': 'Paired as “{name}”. Starting…',
  'pairing.skip': 'Skip (staff logged in)',
  'admin.pairing.code': 'Or type this pairing code on the device’s screen:',
  'admin.pairing.expiresIn': 'Valid for {time}, once',
  'admin.pairing.expired': 'The pairing code has expired: revoke this device and make it again if it is not paired',
  'admin.pairing.revoke': 'Withdraw the pairing code',
  'admin.pairing.revoked': 'Pairing code withdrawn',
  'admin.pairing.qr': 'QR code of the pairing address (scan it with a device that has a camera):',
  'admin.pairing.noPublicUrl':
    'PUBLIC_URL is not set: pairing addresses and QR codes use the address you are browsing the admin page from ({origin}). Set PUBLIC_URL to the address the centre’s kiosks, displays and phones reach.',
  'admin.pairing.loopback':
    '{host} is this machine only: other devices cannot open this address. Open the admin page at the server’s LAN address, or set PUBLIC_URL.',
} as const satisfies Record<keyof typeof pairingVi, string>;
