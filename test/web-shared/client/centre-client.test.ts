import { describe, expect, it, vi } from 'vitest';
import type { Result, Snapshot } from '../../../protocol/index.ts';
import { CentreClient, RECONNECT, type CentreSocket } from '../../../web-shared/client/centre-client.ts';
import { called, held, snapshot, ticket } from './centre.fixtures.ts';

type Handler = (...args: any[]) => void;
type Ack = (err: Error | null, result: Result<Snapshot>) => void;

/** Just enough of a socket.io client socket: the test plays the server. */
function fakeSocket() {
  const handlers = new Map<string, Handler[]>();
  const requests: { event: string; payload: unknown; ack: Ack }[] = [];
  const socket = {
    connected: false,
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    timeout() {
      return { emit: (event: string, payload: unknown, ack: Ack) => requests.push({ event, payload, ack }) };
    },
    connect: vi.fn(),
    disconnect: vi.fn(),
  };
  const server = {
    emit(event: string, payload?: unknown) {
      if (event === 'connect') socket.connected = true;
      if (event === 'disconnect') socket.connected = false;
      for (const h of handlers.get(event) ?? []) h(payload);
    },
    requests,
  };
  return { socket, server };
}

function setup() {
  const { socket, server } = fakeSocket();
  const log = { warn: vi.fn() };
  let auth: unknown;
  const client = new CentreClient({
    centreId: 'demo',
    log,
    connect: (_url, a) => {
      auth = a;
      return socket as unknown as CentreSocket;
    },
  });
  const seen: string[] = [];
  client.subscribe((c) => seen.push(`${c.status}:${c.state?.seq ?? '-'}`));
  return { client, server, log, seen, auth: () => auth };
}

const t1 = ticket({ id: 't1', number: 'A001' });

describe('CentreClient', () => {
  it('sends a device token in the handshake when it has one', () => {
    let auth: unknown;
    const { socket } = fakeSocket();
    new CentreClient({
      centreId: 'demo',
      token: 'luot_demo-display.demo',
      log: { warn: vi.fn() },
      connect: (_url, a) => {
        auth = a;
        return socket as unknown as CentreSocket;
      },
    }).close();
    expect(auth).toEqual({ centreId: 'demo', token: 'luot_demo-display.demo' });
  });

  it('names its centre, goes online and takes the snapshot', () => {
    const { client, server, seen, auth } = setup();
    expect(auth()).toEqual({ centreId: 'demo' });
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    expect(client.status).toBe('online');
    expect(client.state?.seq).toBe(5);
    expect(seen).toEqual(['connecting:-', 'online:-', 'online:5']);
  });

  it('applies events and reports offline on disconnect', () => {
    const { client, server } = setup();
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    server.emit('ticket:called', { seq: 6, ...called(t1, 1, '2026-11-23T02:00:00.000Z'), waiting: { a: 1 }, estimates: {} });
    expect(client.state?.recentCalls[0]?.number).toBe('A001');
    server.emit('disconnect');
    expect(client.status).toBe('offline');
  });

  it('follows counters opening and pausing (counter:updated)', () => {
    const { client, server } = setup();
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    server.emit('counter:updated', { seq: 6, view: held(2, 'hung', 'paused'), waiting: { a: 2 }, estimates: { a: null } });
    expect(client.state?.seq).toBe(6);
    expect(client.state?.counters.find((v) => v.counter.id === 'quay-2')?.state.status).toBe('paused');
  });

  it('on a gap asks for a snapshot with {} and applies the answer', () => {
    const { client, server } = setup();
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    server.emit('ticket:issued', { seq: 8, ticket: t1, waiting: { a: 3 }, estimates: {} });
    server.emit('ticket:issued', { seq: 9, ticket: t1, waiting: { a: 4 }, estimates: {} }); // one request in flight is enough
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ event: 'snapshot:request', payload: {} });
    server.requests[0]!.ack(null, { ok: true, data: snapshot({ seq: 9, waiting: { a: 4 }, estimates: {} }) });
    expect(client.state?.seq).toBe(9);
    expect(client.state?.waiting.a).toBe(4);
  });

  it('ignores and warns about invalid payloads', () => {
    const { client, server, log } = setup();
    server.emit('connect');
    server.emit('state:snapshot', { seq: 'nope' });
    expect(client.state).toBeNull();
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    server.emit('ticket:issued', { seq: 6, ticket: { id: 'x' }, waiting: {}, estimates: {} });
    expect(client.state?.seq).toBe(5);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('reconnects by itself after the server closed the connection (socket.io would not)', () => {
    vi.useFakeTimers();
    try {
      const { socket, server } = fakeSocket();
      const client = new CentreClient({ centreId: 'demo', retryMs: 2000, connect: () => socket as unknown as CentreSocket });
      server.emit('connect');
      socket.active = false; // what socket.io does on an "io server disconnect"
      server.emit('disconnect');
      expect(client.status).toBe('offline');
      vi.advanceTimersByTime(1999);
      expect(socket.connect).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(socket.connect).toHaveBeenCalledTimes(1);
      client.close();
      vi.advanceTimersByTime(10_000);
      expect(socket.connect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores events that arrive before the first snapshot', () => {
    const { client, server } = setup();
    server.emit('connect');
    server.emit('ticket:issued', { seq: 6, ticket: t1, waiting: { a: 3 }, estimates: {} });
    expect(client.state).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('refresh(): asks for a snapshot and applies it (the network came back, the screen woke up)', () => {
    const { client, server } = setup();
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    client.refresh();
    expect(server.requests).toHaveLength(1);
    server.requests[0]!.ack(null, { ok: true, data: snapshot({ seq: 7, waiting: { a: 9 } }) });
    expect(client.state?.seq).toBe(7);
    expect(client.state?.waiting.a).toBe(9);
  });

  it('refresh(): a connection that does not answer is opened afresh, not waited on', () => {
    const { socket, server } = fakeSocket();
    const client = new CentreClient({ centreId: 'demo', log: { warn: vi.fn() }, connect: () => socket as unknown as CentreSocket });
    server.emit('connect');
    server.emit('state:snapshot', snapshot({ seq: 5 }));
    client.refresh();
    server.requests[0]!.ack(new Error('operation has timed out'), undefined as never);
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
    expect(socket.connect).toHaveBeenCalledTimes(1);
    client.close();
  });

  it('refresh(): while disconnected and not retrying, connects now', () => {
    const { socket, server } = fakeSocket();
    const client = new CentreClient({ centreId: 'demo', log: { warn: vi.fn() }, connect: () => socket as unknown as CentreSocket });
    socket.active = false;
    client.refresh();
    expect(socket.connect).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(0);
    client.close();
  });

  it('retries a lost connection at most 1 s apart, so a display is right within 2 s of the network returning', () => {
    expect(RECONNECT.reconnectionDelayMax).toBeLessThanOrEqual(1000);
    expect(RECONNECT.reconnectionDelay).toBeLessThanOrEqual(RECONNECT.reconnectionDelayMax);
  });
});
