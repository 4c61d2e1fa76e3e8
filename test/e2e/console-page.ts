import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { poll, type Stack } from './browser.harness.ts';

/**
 * The counter console at 1366 × 768, logged in as a demo officer with `counterId` chosen and the
 * live connection up (the demo centre has 7 counters: the picker is filled once it lists them).
 */
export async function openConsole(stack: Stack, username: string, counterId: string): Promise<Page> {
  const page = await stack.open('/counter?centre=demo');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('luot-demo');
  await page.getByTestId('login-submit').click();
  const select = page.getByTestId('counter-select');
  await expect.poll(() => select.locator('option').count(), poll).toBe(7);
  await select.selectOption(counterId);
  await page.locator('luot-counter-console[data-status="online"]').waitFor();
  return page;
}
