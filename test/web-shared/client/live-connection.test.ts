import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection, TRANSPORTS, type LoopSocket } from '../../../web-shared/client/live-connection.ts';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io client socket: the test plays socket.io and the server. */
function fakeSocket() {
  const handlers = new Map<string, Handler[]>();
  const socket = {
    connected: false,
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    connect: vi.fn(),
    disconnect: vi.fn(),
  };
  const emit = (event: string, payload?: unknown) => {
    if (event === 'connect') socket.connected = true;
    if (event === 'disconnect') socket.connected = false;
    for (const h of handlers.get(event) ?? []) h(payload);
  };
  return { socket, emit };
}

function setup(options: { permanent?: ReadonlySet<string> } = {}) {
  const { socket, emit } = fakeSocket();
  const seen: string[] = [];
  const link: LiveConnection = new LiveConnection(socket satisfies LoopSocket, {
    retryMs: 1000,
    ...options,
    onChange: () => seen.push(`${link.status}:${link.lastError ?? '-'}`),
  });
  return { link, socket, emit, seen };
}

describe('LiveConnection (the reconnect loop of /centre and /ticket)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts connecting, then reports online and offline, each change once', () => {
    const { link, emit, seen } = setup();
    expect(link.status).toBe('connecting');
    emit('connect');
    emit('connect'); // no change, no notice
    emit('disconnect', 'transport close');
    expect(seen).toEqual(['online:-', 'offline:-']);
  });

  it('leaves a lost transport to socket.io (its own backoff): no second retry loop', () => {
    const { socket, emit } = setup();
    emit('connect');
    emit('disconnect', 'transport close'); // socket.active stays true: socket.io reconnects
    vi.advanceTimersByTime(60_000);
    expect(socket.connect).not.toHaveBeenCalled();
  });

  it('retries after retryMs when socket.io gave up (server-side disconnect), once per give-up', () => {
    const { socket, emit } = setup();
    emit('connect');
    socket.active = false;
    emit('disconnect', 'io server disconnect');
    vi.advanceTimersByTime(999);
    expect(socket.connect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(socket.connect).toHaveBeenCalledTimes(1);
  });

  it('keeps the refusal for the page, retries it, and forgets it on the next connect', () => {
    const { link, socket, emit, seen } = setup();
    socket.active = false;
    emit('connect_error', new Error('store.unavailable'));
    expect(link.lastError).toBe('store.unavailable');
    emit('connect_error', new Error('auth.required')); // a new reason is news, even while offline
    vi.advanceTimersByTime(1000);
    expect(socket.connect).toHaveBeenCalledTimes(1); // the second refusal replaced the first timer
    emit('connect');
    expect(link.lastError).toBeNull();
    expect(seen).toEqual(['offline:store.unavailable', 'offline:auth.required', 'online:-']);
  });

  it('does not retry a permanent refusal (a wrong link stays wrong)', () => {
    const { link, socket, emit } = setup({ permanent: new Set(['ticket.not_found']) });
    socket.active = false;
    emit('connect_error', new Error('ticket.not_found'));
    vi.advanceTimersByTime(60_000);
    expect(socket.connect).not.toHaveBeenCalled();
    expect(link.status).toBe('offline');
  });

  it('ensureConnected(): true when connected; else starts an attempt unless socket.io has one under way', () => {
    const { link, socket, emit } = setup();
    expect(link.ensureConnected()).toBe(false);
    expect(socket.connect).not.toHaveBeenCalled(); // socket.io is already trying
    socket.active = false;
    expect(link.ensureConnected()).toBe(false);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    emit('connect');
    expect(link.ensureConnected()).toBe(true);
  });

  it('reopen(): a connection that does not answer is opened afresh', () => {
    const { link, socket } = setup();
    link.reopen();
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
    expect(socket.connect).toHaveBeenCalledTimes(1);
  });

  it('close(): hangs up, cancels a pending retry and schedules nothing more', () => {
    const { link, socket, emit } = setup();
    socket.active = false;
    emit('disconnect', 'io server disconnect');
    link.close();
    const later = vi.fn();
    link.schedule(later, 10);
    link.reopen();
    expect(link.ensureConnected()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(socket.connect).not.toHaveBeenCalled();
    expect(later).not.toHaveBeenCalled();
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
    expect(link.isClosed).toBe(true);
  });

  it('connects WebSocket first with polling as the fallback', () => {
    expect(TRANSPORTS).toEqual({ transports: ['websocket', 'polling'], tryAllTransports: true });
  });
});
