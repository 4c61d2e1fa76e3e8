import { describe, expect, it, vi } from 'vitest';
import type { TicketView } from '../../../protocol/index.ts';
import { TicketClient, type TicketSocket } from '../../../web-shared/client/ticket-client.ts';
import { ticket } from './centre.fixtures.ts';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io client socket: the test plays the server. */
function fakeSocket() {
  const handlers = new Map<string, Handler[]>();
  const socket = {
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    connect: vi.fn(),
    disconnect: vi.fn(),
  };
  const emit = (event: string, payload?: unknown) => {
    for (const h of handlers.get(event) ?? []) h(payload);
  };
  return { socket, emit };
}

const view = (overrides: Partial<TicketView> = {}): TicketView => ({
  ticket: ticket({ id: 'Xy7', number: 'B004', serviceId: 'dat-dai' }),
  peopleAhead: 3,
  estimatedWaitMinutes: 12,
  centreName: { vi: 'Trung tâm', en: 'Centre' },
  timeZone: 'Asia/Ho_Chi_Minh',
  serviceName: { vi: 'Đất đai', en: 'Land' },
  counterNumber: null,
  ...overrides,
});

function setup() {
  const { socket, emit } = fakeSocket();
  const log = { warn: vi.fn() };
  let auth: unknown;
  const client = new TicketClient({
    ticketId: 'Xy7',
    log,
    retryMs: 1000,
    connect: (_url, a) => {
      auth = a;
      return socket as unknown as TicketSocket;
    },
  });
  return { client, socket, emit, log, auth: () => auth };
}

describe('TicketClient', () => {
  it('names its ticket, goes online and keeps the latest view', () => {
    const { client, emit, auth } = setup();
    const seen: string[] = [];
    client.subscribe((c) => seen.push(`${c.status}:${c.view?.ticket.state ?? '-'}`));
    expect(auth()).toEqual({ ticketId: 'Xy7' });
    emit('connect');
    emit('ticket:status', view());
    const calledView = view({ ticket: { ...view().ticket, state: 'called', counterId: 'quay-3' }, peopleAhead: 0, counterNumber: 3 });
    emit('ticket:status', calledView);
    expect(client.view).toEqual(calledView);
    expect(seen).toEqual(['connecting:-', 'online:-', 'online:waiting', 'online:called']);
  });

  it('ignores an invalid view and warns', () => {
    const { client, emit, log } = setup();
    emit('connect');
    emit('ticket:status', view());
    emit('ticket:status', { ticket: { id: 'x' } });
    expect(client.view?.ticket.number).toBe('B004');
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('gives up on a link the server does not know, retries anything else', () => {
    vi.useFakeTimers();
    try {
      const { client, socket, emit } = setup();
      socket.active = false;
      emit('connect_error', new Error('ticket.not_found'));
      expect(client.status).toBe('offline');
      expect(client.lastError).toBe('ticket.not_found');
      vi.advanceTimersByTime(10_000);
      expect(socket.connect).not.toHaveBeenCalled();

      emit('connect_error', new Error('internal'));
      vi.advanceTimersByTime(1000);
      expect(socket.connect).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reconnects after the server closed the connection, and stops when closed', () => {
    vi.useFakeTimers();
    try {
      const { client, socket, emit } = setup();
      emit('connect');
      socket.active = false;
      emit('disconnect');
      expect(client.status).toBe('offline');
      vi.advanceTimersByTime(1000);
      expect(socket.connect).toHaveBeenCalledTimes(1);
      emit('disconnect');
      client.close();
      vi.advanceTimersByTime(10_000);
      expect(socket.connect).toHaveBeenCalledTimes(1);
      expect(socket.disconnect).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
