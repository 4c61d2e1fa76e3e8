import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../../protocol/index.ts';
import { errorText, LANGUAGES, messages, parseLanguage, t } from '../../../web-shared/i18n/i18n.ts';

describe('i18n', () => {
  const keys = new Set([...Object.keys(messages.vi), ...Object.keys(messages.en)]);

  it('has every key in Vietnamese and English, none empty', () => {
    for (const key of keys) {
      for (const lang of LANGUAGES) {
        const text = (messages[lang] as Record<string, string | undefined>)[key];
        expect(text, `${lang}:${key}`).toBeTypeOf('string');
        expect(text!.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      expect(holes(messages.en[key as keyof typeof messages.en]), key).toEqual(holes(messages.vi[key as keyof typeof messages.vi]));
    }
  });

  it('localizes every error code the server can send', () => {
    for (const code of Object.keys(errorStatus)) {
      expect(messages.vi, code).toHaveProperty([`error.${code}`]);
      expect(messages.en, code).toHaveProperty([`error.${code}`]);
    }
    expect(errorText('vi', 'queue.empty')).toBe('Không có số nào đang chờ');
    expect(errorText('en', 'queue.empty')).toBe('No one is waiting');
    expect(errorText('vi', 'network')).toBe('Không kết nối được tới máy chủ');
  });

  it('reads an unknown error code as an internal error', () => {
    expect(errorText('vi', 'no.such_code')).toBe(messages.vi['error.internal']);
  });

  it('writes Vietnamese with its diacritics, in NFC', () => {
    expect(t('vi', 'kiosk.peopleAhead', { n: 3 })).toBe('Số người đang chờ trước bạn: 3');
    expect(t('vi', 'counter.label', { n: 3 })).toBe('Quầy số 3');
    expect(t('vi', 'console.callNext')).toBe('Gọi số tiếp theo');
    expect(t('vi', 'app.offline')).toBe('Mất kết nối – đang kết nối lại…');
    // Decomposed tone marks render badly on some kiosk fonts; the source must be precomposed.
    for (const text of Object.values(messages.vi)) expect(text).toBe(text.normalize('NFC'));
  });

  it('chooses English only for ?lang=en', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('vi')).toBe('vi');
    expect(parseLanguage(null)).toBe('vi');
    expect(parseLanguage('fr')).toBe('vi');
  });
});
