import { chromium } from 'playwright-core';
import { startServer } from '/work/main/server/compose.ts';
import { loadConfig } from '/work/main/server/config.ts';
import { hashPassword } from '/work/main/server/auth/password.ts';
const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp/dbg/h365', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'luot-demo-1' }));
await server.deps.store.immediate(async (tx) => {
  await tx.upsertStaff({ id: 'quanly', centreId: 'phu-an', name: 'Quản lý' });
  await tx.setAccount('phu-an', 'quanly', { username: 'quanly', passwordHash: await hashPassword('luot-demo-1'), role: 'manager', active: true, mustChangePassword: false });
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(`${server.url}/reports?tab=${process.argv[2] ?? 'times'}`);
await page.getByTestId('login-username').fill('quanly');
await page.getByTestId('login-password').fill('luot-demo-1');
await page.getByTestId('login-submit').click();
await page.waitForTimeout(1500);
if (process.argv[3]) { await page.getByTestId('preset-' + process.argv[3]).first().click(); await page.waitForTimeout(2500); }
if (process.argv[4]) { await page.emulateMedia({ media: 'print' }); }
await page.screenshot({ path: `/tmp/dbg/shot-${process.argv[2]}.png`, fullPage: true });
await browser.close();
await server.close();
