import { describe, expect, it } from 'vitest';
import { applyKey, KEYPAD_ROWS, MAX_CODE_LENGTH, readKey } from '../../../kiosk/touchscreen/code-entry-logic.ts';
import { returnMessage, slipDate } from '../../../kiosk/touchscreen/dossier-return-logic.ts';

describe('the code screen reads a scanner like a keyboard', () => {
  const type = (keys: string[]) => keys.reduce((code, k) => applyKey(code, readKey(k)), '');

  it('keeps letters (upper-cased), digits, dots, dashes and underscores; ignores the rest', () => {
    expect(type([...'h12.34-2412_0123'])).toBe('H12.34-2412_0123');
    expect(type(['A', 'Shift', ' ', '/', 'ă', 'B'])).toBe('AB');
  });
  it('Enter and Tab submit; Backspace deletes; Escape clears; shortcuts are not typed', () => {
    expect(readKey('Enter')).toEqual({ kind: 'submit' });
    expect(readKey('Tab')).toEqual({ kind: 'submit' });
    expect(type(['A', 'B', 'Backspace'])).toBe('A');
    expect(type(['A', 'B', 'Escape', 'C'])).toBe('C');
    expect(readKey('r', { ctrl: true })).toEqual({ kind: 'ignore' });
  });
  it('stops at the longest code', () => {
    expect(type(Array.from({ length: 80 }, () => '1'))).toHaveLength(MAX_CODE_LENGTH);
  });
  it('the keypad has every digit and letter, and the separators', () => {
    const keys = KEYPAD_ROWS.flat().join('');
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.-_') expect(keys).toContain(c);
  });
});

describe('what the kiosk says without a ticket', () => {
  const dossier = { maskedCode: 'H12.34-****-0456', maskedName: null, dueDate: '2026-12-10' };
  it('not ready: plain Vietnamese with the due date as on the slip', () => {
    expect(slipDate('2026-12-10')).toBe('10/12/2026');
    expect(returnMessage('vi', { outcome: 'not_ready', dossier, state: 'in_progress' }, 'X')).toBe(
      'Hồ sơ H12.34-****-0456 chưa có kết quả. Ngày hẹn trả: 10/12/2026.',
    );
    expect(returnMessage('vi', { outcome: 'not_ready', dossier: { ...dossier, dueDate: null }, state: 'received' }, 'X')).toBe(
      'Hồ sơ H12.34-****-0456 chưa có kết quả.',
    );
  });
  it('unknown and already returned', () => {
    expect(returnMessage('vi', { outcome: 'unknown' }, 'H9-1-1')).toContain('Không tìm thấy hồ sơ H9-1-1');
    expect(returnMessage('en', { outcome: 'already_returned', dossier, returnedAt: null }, 'X')).toBe(
      'The result of dossier H12.34-****-0456 has already been collected.',
    );
  });
});
