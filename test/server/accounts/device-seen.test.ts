import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator, LAST_SEEN_EVERY_MS } from '../../../server/accounts/authenticator.ts';
import type { Deps } from '../../../server/kernel/ports.ts';

/**
 * Device health follows the live connection (issue #15): while a device's socket stays connected
 * its last-seen time keeps up, a minute at a time; after it disconnects, nothing more is written.
 */
describe('keepSeen', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const setup = (touch: (id: string, atMs: number) => Promise<void>) => {
    const deps = { store: { touchDeviceToken: vi.fn(touch) }, clock: { now: () => new Date() } } as unknown as Deps;
    return { auth: createAuthenticator(deps), touch: deps.store.touchDeviceToken as ReturnType<typeof vi.fn> };
  };

  it('a display connected for ten minutes was seen within the last minute, all along', async () => {
    const { auth, touch } = setup(async () => undefined);
    const socket = new EventEmitter();
    const connectedAt = Date.now();
    auth.keepSeen(socket, 'demo-display');
    for (let minute = 1; minute <= 10; minute++) {
      await vi.advanceTimersByTimeAsync(LAST_SEEN_EVERY_MS);
      const last = touch.mock.calls.at(-1) as [string, number];
      expect(last[0]).toBe('demo-display');
      expect(Date.now() - last[1]).toBeLessThan(LAST_SEEN_EVERY_MS);
    }
    expect(touch).toHaveBeenCalledTimes(10);
    expect((touch.mock.calls.at(-1) as [string, number])[1] - connectedAt).toBe(10 * LAST_SEEN_EVERY_MS);

    socket.emit('disconnect');
    await vi.advanceTimersByTimeAsync(5 * LAST_SEEN_EVERY_MS);
    expect(touch).toHaveBeenCalledTimes(10);
  });

  it('a failed write (the store away) is tried again at the next tick, without an unhandled rejection', async () => {
    let fail = true;
    const { auth, touch } = setup(async () => {
      if (fail) throw new Error('store away');
    });
    const socket = new EventEmitter();
    auth.keepSeen(socket, 'demo-kiosk');
    await vi.advanceTimersByTimeAsync(LAST_SEEN_EVERY_MS);
    expect(touch).toHaveBeenCalledTimes(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(LAST_SEEN_EVERY_MS);
    expect(touch).toHaveBeenCalledTimes(2);
    socket.emit('disconnect');
  });
});
