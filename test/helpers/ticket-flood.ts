/**
 * A `/ticket` socket flood in a process of its own, so the flood's own work does not slow the
 * test's control requests: `node --import tsx test/helpers/ticket-flood.ts <url> <ticketId> <count>`.
 * Opens `count` sockets following one ticket, 100 at a time, prints one line
 * `flood: <connected> connected, <refused> refused, <updates> updates`, and keeps the connected
 * ones open (counting the updates they receive, printed every second) until stdin closes.
 */
import { io, type Socket } from 'socket.io-client';
import { TICKET_NAMESPACE } from '../../protocol/index.ts';

const [url, ticketId, countArg] = process.argv.slice(2);
const count = Number(countArg);
const sockets: Socket[] = [];
let connected = 0;
let refused = 0;
let updates = 0;
const refusals = new Map<string, number>();

function open(): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(`${url}${TICKET_NAMESPACE}`, { auth: { ticketId }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
    sockets.push(socket);
    socket.onAny(() => {
      updates += 1;
    });
    socket.once('connect', () => {
      connected += 1;
      resolve();
    });
    socket.once('connect_error', (error) => {
      refused += 1;
      refusals.set(error.message, (refusals.get(error.message) ?? 0) + 1);
      socket.close();
      resolve();
    });
  });
}

const report = (prefix: string) =>
  process.stdout.write(
    `${prefix}: ${connected} connected, ${refused} refused, ${updates} updates (${[...refusals].map(([k, v]) => `${k} × ${v}`).join(', ')})\n`,
  );

for (let i = 0; i < count; i += 100) await Promise.all(Array.from({ length: Math.min(100, count - i) }, open));
report('flood');
setInterval(() => report('holding'), 1000);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
