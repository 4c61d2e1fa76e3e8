import { describe, expect, it } from 'vitest';
import { createApi } from '../../../web-shared/client/api.ts';
import { t } from '../../../web-shared/i18n/i18n.ts';
import { throttleNotice } from '../../../web-shared/ui/login-logic.ts';

describe('throttleNotice: the login form after 429 auth.throttled', () => {
  const text = (lang: 'vi' | 'en', seconds: number | null) => {
    const notice = throttleNotice('auth.throttled', seconds)!;
    return t(lang, notice.key, notice.params);
  };

  it('says how long to wait, in Vietnamese and English', () => {
    expect(text('vi', 1)).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 giây.');
    expect(text('en', 30)).toBe('Too many failed attempts. Please try again in 30 s.');
    expect(text('vi', 61)).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút.');
    expect(text('en', 900)).toBe('Too many failed attempts. Please try again in 15 min.');
    expect(text('vi', null)).toBe('Đăng nhập sai quá nhiều lần. Vui lòng chờ một lát rồi thử lại.');
  });

  it('is for throttling only', () => {
    expect(throttleNotice('auth.invalid_credentials', 5)).toBeNull();
  });

  it('the API client hands the Retry-After of a refusal to the form', async () => {
    const api = createApi(
      'http://server',
      async () =>
        new Response(JSON.stringify({ error: { code: 'auth.throttled', message: 'Too many failed logins; try again in 8 s.' } }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '8' },
        }),
    );
    const error = await api.login('lan', 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth.throttled', status: 429, retryAfterSeconds: 8 });
  });
});
