import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_GROUPS } from '../../../protocol/index.ts';
import { priorityText, waitText } from '../../../web-shared/i18n/queue-text.ts';
import { statusPath, statusUrl, ticketIdFromPath } from '../../../web-shared/client/ticket-link.ts';

describe('waitText', () => {
  it('says about N minutes, or that it is not known yet', () => {
    expect(waitText('vi', 15)).toBe('Khoảng 15 phút');
    expect(waitText('en', 15)).toBe('About 15 min');
    expect(waitText('vi', 1)).toBe('Khoảng 1 phút');
    expect(waitText('vi', 0)).toBe('Sắp đến lượt');
    expect(waitText('vi', null)).toBe('chưa xác định');
    expect(waitText('en', undefined)).toBe('not known yet');
  });
});

describe('priorityText', () => {
  it('names the group in the chosen language', () => {
    expect(priorityText('vi', DEFAULT_PRIORITY_GROUPS, 'nguoi-cao-tuoi')).toBe('Ưu tiên: Người cao tuổi');
    expect(priorityText('en', DEFAULT_PRIORITY_GROUPS, 'phu-nu-mang-thai')).toBe('Priority: Pregnant woman');
  });

  it('keeps the mark for a group no longer listed, and none without a group', () => {
    expect(priorityText('vi', [], 'nguoi-cao-tuoi')).toBe('Ưu tiên');
    expect(priorityText('vi', DEFAULT_PRIORITY_GROUPS, null)).toBeNull();
  });
});

describe('ticket links', () => {
  it('builds /t/<id> and the full URL', () => {
    expect(statusPath('Xy7_k-9')).toBe('/t/Xy7_k-9');
    expect(statusUrl('http://192.168.1.10:3000/', 'abc')).toBe('http://192.168.1.10:3000/t/abc');
  });

  it('reads the id back from the path', () => {
    expect(ticketIdFromPath('/t/Xy7_k-9')).toBe('Xy7_k-9');
    expect(ticketIdFromPath('/t/Xy7_k-9/')).toBe('Xy7_k-9');
    expect(ticketIdFromPath(statusPath('a-b_c'))).toBe('a-b_c');
  });

  it('refuses anything that is not a ticket id', () => {
    for (const path of ['/t', '/t/', '/t/a/b', '/kiosk', '/t/%E0%A4%A', '/t/a%20b', `/t/${'x'.repeat(65)}`]) {
      expect(ticketIdFromPath(path), path).toBeNull();
    }
  });
});
