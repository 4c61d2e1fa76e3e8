import { describe, expect, it } from 'vitest';
import { apiErrorText, hasHint, hintText, idHint, intOf, invalidPaths, rangeHint, slugOf } from '../../admin/admin-form.ts';
import { serviceFieldLabels } from '../../admin/service-form.ts';
import { settingsFieldLabels } from '../../admin/settings-form.ts';

describe('admin form helpers', () => {
  it('reads whole numbers typed as text, and nothing else', () => {
    expect(intOf(' 12 ')).toBe(12);
    for (const bad of ['', '1.5', '-3', '1e3', 'abc']) expect(intOf(bad), bad).toBeNaN();
  });

  it('makes ids from Vietnamese names', () => {
    expect(slugOf('Hộ chiếu – Đi lại')).toBe('ho-chieu-di-lai');
    expect(slugOf('  Người có công với cách mạng ')).toBe('nguoi-co-cong-voi-cach-mang');
    expect(slugOf('Đất đai')).toBe('dat-dai');
  });

  it('hints at ranges, ids and taken ids', () => {
    expect(rangeHint('n', '5', 1, 10)).toBeNull();
    expect(rangeHint('n', '11', 1, 10)).toEqual({ field: 'n', key: 'admin.hint.range', params: { min: 1, max: 10 } });
    expect(idHint('id', 'ho-tich', [])).toBeNull();
    expect(idHint('id', 'hộ tịch', [])).toMatchObject({ key: 'admin.hint.id' });
    expect(idHint('id', 'ho-tich', ['ho-tich'])).toMatchObject({ key: 'admin.hint.idTaken' });
  });

  it('writes a hint with its field label, in either language', () => {
    const hint = { field: 'numbering.prefix', key: 'admin.hint.prefix' as const };
    expect(hintText('vi', hint, serviceFieldLabels)).toBe('Chữ cái đầu: một hoặc hai chữ cái in hoa, ví dụ A hoặc HC');
    expect(hintText('en', hint, serviceFieldLabels)).toBe('Letter(s): one or two capital letters, e.g. A or HC');
    expect(hasHint([hint], 'numbering')).toBe(true);
    expect(hasHint([hint], 'numbering.prefix')).toBe(true);
    expect(hasHint([hint], 'name.vi')).toBe(false);
  });

  it("names the fields of the server's validation message in the page's language", () => {
    const error = { code: 'request.invalid_payload' as const, message: 'numbering.prefix: Invalid string: must match pattern; name.vi: Too small' };
    expect(invalidPaths(error)).toEqual(['numbering.prefix', 'name.vi']);
    expect(apiErrorText('vi', error, serviceFieldLabels)).toBe('Yêu cầu không hợp lệ: Chữ cái đầu, Tên tiếng Việt');
    expect(apiErrorText('en', error, serviceFieldLabels)).toBe('Invalid request: Letter(s), Name in Vietnamese');
    // A nested path takes its nearest labelled parent; settings errors are read the same way.
    const settings = { code: 'settings.invalid' as const, message: 'priorityGroups.2.name.vi: Too small; kioskBurst: Too big' };
    expect(apiErrorText('vi', settings, settingsFieldLabels)).toBe('Cấu hình không hợp lệ: Đối tượng ưu tiên, Kiosk: số phiếu liên tiếp tối đa');
  });

  it('shows other errors as their localized text alone', () => {
    expect(apiErrorText('vi', { code: 'counter.number_taken', message: 'Counter number 3 is used by "quay-3".' }, {})).toBe('Số quầy này đã được dùng');
    expect(apiErrorText('en', { code: 'request.invalid_payload', message: '(body): Invalid input' }, {})).toBe('Invalid request');
    // Issue #10: two services that could show the same number; the other service is named.
    const conflict = {
      code: 'service.numbering_conflict' as const,
      message: 'The numbers of this service could collide with those of active service "dat-dai".',
    };
    expect(apiErrorText('vi', conflict, serviceFieldLabels)).toBe('Số thứ tự có thể trùng với lĩnh vực đang hoạt động: dat-dai');
    expect(apiErrorText('en', conflict, serviceFieldLabels)).toBe('Its numbers could be the same as those of the active service: dat-dai');
  });
});
