/**
 * The login form under throttling (issue #10): after 5 wrong passwords the officer is told, in
 * Vietnamese, how long to wait, and can log in once the lock has passed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, poll, startStack, type Stack } from './browser.harness.ts';

describeInBrowser('login throttling in the form (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('says how long to wait after too many wrong passwords, then lets the right one in', async () => {
    const page = await stack.open('/counter?centre=demo');
    const submit = async (password: string) => {
      await page.getByTestId('login-username').fill('hung');
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
    };
    // One wrong password in the form: the usual message.
    await submit('wrong-password');
    await expect.poll(() => page.getByTestId('login-error').textContent(), poll).toContain('Sai tên đăng nhập hoặc mật khẩu');
    // More from the same address (a script): 5 failures lock for 1 s, the next for 2 s, the next for 4 s.
    const wrong = () =>
      fetch(`${stack.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'hung', password: 'nope' }),
      });
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
    await page.waitForTimeout(1_050);
    expect((await wrong()).status).toBe(401);
    await page.waitForTimeout(2_050);
    expect((await wrong()).status).toBe(401);
    // Locked for 4 s: even the right password is refused, and the form says how long to wait.
    await submit('luot-demo');
    await expect.poll(() => page.getByTestId('login-error').textContent(), poll).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau [1-4] giây\./);
    await page.waitForTimeout(4_100);
    await submit('luot-demo');
    await page.getByTestId('counter-select').waitFor();
    // The refusals were the server's answers (401, 429), not page errors.
    expect(stack.pageErrors.filter((e) => !/status of (401|429)/.test(e))).toEqual([]);
  });
});
