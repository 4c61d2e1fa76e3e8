/**
 * A server restart at the worst moment for a page's live connection: the instant its WebSocket
 * starts talking. With socket.io's default transports (long-polling, then an upgrade to
 * WebSocket) that is mid-upgrade, and the client then sent its "upgrade" packet on the closing
 * probe socket: Chromium logs "WebSocket is already in CLOSING or CLOSED state." (issue 10, §0).
 * The pages connect WebSocket first (web-shared/client/centre-client.ts TRANSPORTS): no upgrade, no race.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { describeInBrowser, startStack, type Stack } from './browser.harness.ts';

/** In the page: says so on the console when a WebSocket receives its first message. */
function markFirstMessages() {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => console.debug('luot-test: first websocket message'), { once: true });
    }
  };
}

const ROUNDS = 5;

describeInBrowser('kiosk restarts at the worst moment (chromium)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.context.addInitScript(markFirstMessages);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it(`stops the server ${ROUNDS} times as the kiosk's WebSocket opens: no send on a closing socket, back every time`, async () => {
    let marks = 0;
    const waiters = new Set<() => void>();
    stack.context.on('console', (m) => {
      if (m.text() !== 'luot-test: first websocket message') return;
      marks++;
      for (const w of [...waiters]) w();
    });
    const nextMark = (after: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no WebSocket message after mark ${after}`)), 10_000);
        const check = () => {
          if (marks <= after) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });

    const first = nextMark(0);
    const kiosk = await stack.open(`/kiosk?centre=demo&pair=${DEMO_TOKENS.kiosk}`);
    await first;
    for (let round = 1; round <= ROUNDS; round++) {
      const seen = marks;
      await stack.stopServer();
      await kiosk.waitForTimeout(200);
      await stack.startServerAgain();
      // The kiosk reconnects by itself; its new WebSocket's first message starts the next round.
      await nextMark(seen);
    }
    // Back and live after the last restart: issuing works.
    await kiosk.getByRole('button', { name: 'Xây dựng' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(stack.pageErrors).toEqual([]);
  });
});
