import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { CENTRE_NAMESPACE } from '../../protocol/index.ts';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';

/** One hall display of a benchmark: its socket, the sequence numbers it received, when each call arrived. */
export interface Display {
  socket: Socket;
  snapshotSeq: number | null;
  seqs: number[];
  /** Ticket id → when its ticket:called arrived. */
  calledAt: Map<string, number>;
}

/** A hall display on /centre with the demo display token (websocket only), resolved once it holds its snapshot. */
export function connectDisplay(url: string, centreId: string): Promise<Display> {
  const socket = io(`${url}${CENTRE_NAMESPACE}`, {
    auth: { centreId, token: DEMO_TOKENS.display },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const display: Display = { socket, snapshotSeq: null, seqs: [], calledAt: new Map() };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a display did not get its snapshot within 60 s')), 60_000);
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('state:snapshot', (snapshot: { seq: number }) => {
      display.snapshotSeq ??= snapshot.seq;
      clearTimeout(timer);
      resolve(display);
    });
    socket.onAny((event: string, payload: { seq?: number; ticket?: { id: string } }) => {
      if (event === 'state:snapshot' || typeof payload?.seq !== 'number') return;
      display.seqs.push(payload.seq);
      if (event === 'ticket:called' && payload.ticket) display.calledAt.set(payload.ticket.id, performance.now());
    });
  });
}

/** Resolves true once every display has the call of `ticketId`, false after `timeoutMs`. */
export async function allReceived(displays: Display[], ticketId: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (displays.every((d) => d.calledAt.has(ticketId))) return true;
    await new Promise((r) => setTimeout(r, 2));
  }
  return false;
}

/** Waits until every display has the fact `lastSeq`, or `timeoutMs`. */
export async function settle(displays: Display[], lastSeq: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && displays.some((d) => !d.seqs.includes(lastSeq))) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Facts after the display's snapshot, up to `lastSeq`, that it never received. */
export function missedSeqs(d: Display, lastSeq: number): number {
  const got = new Set(d.seqs);
  let missed = 0;
  for (let s = (d.snapshotSeq ?? 0) + 1; s <= lastSeq; s++) if (!got.has(s)) missed++;
  return missed;
}
