import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A network ESC/POS printer on 127.0.0.1 (port 9100's protocol: raw bytes in, status bytes
 * out) for tests and the benchmark. A connection that only asks DLE EOT questions is a status
 * query and gets Epson-shaped answers; any other bytes make it a print job, recorded whole when
 * the sender closes. It can run out of paper, open its cover, or go offline (stop listening).
 */
export interface FakePrintedJob {
  bytes: Buffer;
  /** performance.now() when the job's first byte arrived. */
  firstByteAt: number;
}

export interface FakeEscposPrinter {
  readonly port: number;
  /** `tcp://127.0.0.1:<port>`, what a bridge config names. */
  readonly url: string;
  readonly jobs: FakePrintedJob[];
  /** DLE EOT questions answered. */
  statusQueries: number;
  setPaper(state: 'ok' | 'low' | 'out'): void;
  setCoverOpen(open: boolean): void;
  /** Stops listening and drops connections: connection refused, like a printer switched off. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  /** Resolves when `count` jobs have been received (in total). */
  waitForJobs(count: number, timeoutMs?: number): Promise<FakePrintedJob[]>;
  /** Called at the first byte of every job (the benchmark's clock). */
  onFirstByte: ((at: number) => void) | null;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakeEscposPrinter> {
  let paper: 'ok' | 'low' | 'out' = 'ok';
  let coverOpen = false;
  const jobs: FakePrintedJob[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  let server: Server;
  let port = 0;

  const statusByte = (n: number): number => {
    const offline = paper === 'out' || coverOpen;
    switch (n) {
      case 1:
        return 0x12 | (offline ? 0x08 : 0);
      case 2:
        return 0x12 | (coverOpen ? 0x04 : 0) | (paper === 'out' ? 0x20 : 0);
      case 3:
        return 0x12;
      case 4:
        return 0x12 | (paper === 'out' ? 0x60 : paper === 'low' ? 0x0c : 0);
      default:
        return 0x12;
    }
  };

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    let job: number[] | null = null;
    let firstByteAt = 0;
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      if (job) {
        for (const b of chunk) job.push(b);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      // Status questions come before any job byte on a connection of their own.
      while (pending.length >= 3 && pending[0] === 0x10 && pending[1] === 0x04) {
        fake.statusQueries++;
        socket.write(Uint8Array.of(statusByte(pending[2]!)));
        pending = pending.subarray(3);
      }
      if (pending.length === 0 || (pending.length < 3 && pending[0] === 0x10 && (pending.length < 2 || pending[1] === 0x04))) return;
      firstByteAt = performance.now();
      fake.onFirstByte?.(firstByteAt);
      job = [...pending];
      pending = Buffer.alloc(0);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      if (job && job.length > 0) {
        jobs.push({ bytes: Buffer.from(job), firstByteAt });
        for (const w of [...waiters]) w();
      }
    });
  };

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server = createServer(onConnection);
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  await listen(0);

  const fake: FakeEscposPrinter = {
    get port() {
      return port;
    },
    get url() {
      return `tcp://127.0.0.1:${port}`;
    },
    jobs,
    statusQueries: 0,
    onFirstByte: null,
    setPaper: (state) => {
      paper = state;
    },
    setCoverOpen: (open) => {
      coverOpen = open;
    },
    async goOffline() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    goOnline: () => listen(port),
    waitForJobs(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(jobs.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${jobs.length} job(s) after ${timeoutMs} ms, expected ${count}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
