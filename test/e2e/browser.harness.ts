/**
 * Shared by the browser tests: the real server in-process (demo centre, fresh temp data dir)
 * and Debian chromium driven by playwright-core on the pages built into dist/web.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { startServer, type RunningServer } from '../../server/compose.ts';
import { loadConfig } from '../../server/config.ts';

export const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const INSTALL_HINT = 'Install it with: apt-get update && apt-get install -y --no-install-recommends chromium';

/** Polling options for expect.poll: longer than the browser's own per-action timeout. */
export const poll = { timeout: 10_000, interval: 100 };

/**
 * `describe` for browser tests. Without chromium they are skipped with a loud warning, except
 * under CI=true where a missing browser must fail the run rather than pass it silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (!HAS_CHROMIUM && !IN_CI) {
    console.warn(
      [
        '',
        '#'.repeat(78),
        `#  BROWSER TESTS SKIPPED ("${name}"): no Chromium at ${CHROMIUM}`,
        '#  The kiosk, counter console and hall display were NOT tested in a browser.',
        `#  ${INSTALL_HINT}`,
        '#  (With CI=true a missing Chromium fails the run instead.)',
        '#'.repeat(78),
        '',
      ].join('\n'),
    );
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface Stack {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  /** Console errors, warnings and uncaught exceptions of every page opened through `open`. */
  readonly pageErrors: string[];
  open(path: string): Promise<Page>;
  /**
   * Another browser with its own cookies and storage (a second officer at another PC); its
   * pages report to `pageErrors` too, and it is closed with the stack.
   */
  newBrowser(extraArgs?: string[]): Promise<{ context: BrowserContext; open(path: string): Promise<Page> }>;
  /** Stops the server and starts it again on the same port and data (a restart in the field). */
  restartServer(): Promise<void>;
  stopServer(): Promise<void>;
  startServerAgain(): Promise<void>;
  close(): Promise<void>;
}

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function startStack(): Promise<Stack> {
  if (!HAS_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}: browser tests cannot run. ${INSTALL_HINT}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'luot-e2e-data-'));
  const profileDirs = [mkdtempSync(join(tmpdir(), 'luot-e2e-profile-'))];
  const config = (port: number) => loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', WEB_ROOT: webRoot, LOG_LEVEL: 'warn' });
  let server = await startServer(config(0));
  const port = server.port;
  const launch = async (profileDir: string, extraArgs: string[] = []) => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      // Far from Vietnam on purpose: every time shown must still be the centre's.
      timezoneId: 'America/New_York',
      viewport: { width: 1600, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...extraArgs,
      ],
    });
    // Shorter than `poll`, so a missing element fails an assertion rather than the test timeout.
    context.setDefaultTimeout(5_000);
    return context;
  };
  const context = await launch(profileDirs[0]!);
  const others: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let stopped = false;

  const openIn = async (ctx: BrowserContext, path: string): Promise<Page> => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      // Chromium logs every failed request: 409s (queue.empty …) and a stopped server (refused, or
      // cut mid-request: the kiosk's live socket polls too) are expected here; anything else (a
      // 404 asset, an exception) is a finding.
      if (
        /status of 409|net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|SOCKET_NOT_CONNECTED|INCOMPLETE_CHUNKED_ENCODING|EMPTY_RESPONSE)|WebSocket connection to/.test(
          m.text(),
        )
      )
        return;
      // A hall display asks for sound at start; without a tap (or the kiosk autoplay flag) the
      // browser says no, and the display shows its "tap to turn on sound" notice (docs/voice.md).
      if (/The AudioContext was not allowed to start/.test(m.text())) return;
      if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(`${path}: console.${m.type()}: ${m.text()}`);
    });
    // A path on the server, or a whole URL (e.g. through a proxy that a test cuts).
    await page.goto(/^https?:/.test(path) ? path : `${server.url}${path}`);
    return page;
  };

  const stack: Stack = {
    get server() {
      return server;
    },
    context,
    pageErrors,
    open: (path) => openIn(context, path),
    async newBrowser(extraArgs = []) {
      const dir = mkdtempSync(join(tmpdir(), 'luot-e2e-profile-'));
      profileDirs.push(dir);
      const other = await launch(dir, extraArgs);
      others.push(other);
      return { context: other, open: (path: string) => openIn(other, path) };
    },
    async stopServer() {
      stopped = true;
      await server.close();
    },
    async startServerAgain() {
      server = await startServer(config(port));
      stopped = false;
    },
    async restartServer() {
      await stack.stopServer();
      await stack.startServerAgain();
    },
    async close() {
      for (const other of others) await other.close();
      await context.close();
      if (!stopped) await server.close();
      for (const dir of [dataDir, ...profileDirs]) rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}
