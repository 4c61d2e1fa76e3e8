import { createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A network ESC/POS printer on 127.0.0.1 (port 9100's protocol: raw bytes in, status bytes
 * out) for tests and the benchmark. It reads its port in order, like a real one, and answers
 * every `DLE EOT n` (n = 1–4) where it reads it — also inside a job's image data, as an Epson
 * does (real-time commands are acted on wherever they appear). A connection that only asks
 * DLE EOT questions is a status query; any other bytes make it a print job, recorded when the
 * sender has ended it and every byte is read (the status questions after the job are not part
 * of it). It can run out of paper, open its cover, go offline (stop listening), read slowly
 * (`setReadRate`), and die in the middle of a job (`killNextJobAfterMs`).
 */
export interface FakePrintedJob {
  bytes: Buffer;
  /** performance.now() when the job's first byte was read. */
  firstByteAt: number;
  /** performance.now() when its last byte was read. */
  lastByteAt: number;
  /** DLE EOT answered while the job was read, before its last byte (stray: inside its data). */
  strayStatusAnswers: number;
}

export interface FakeEscposPrinter {
  readonly port: number;
  /** `tcp://127.0.0.1:<port>`, what a bridge config names. */
  readonly url: string;
  readonly jobs: FakePrintedJob[];
  /** Jobs whose connection was cut before the sender ended them (killed, or the sender gave up). */
  readonly cutJobs: FakePrintedJob[];
  /** DLE EOT questions answered. */
  statusQueries: number;
  /** Jobs whose first byte has been read, finished or not. */
  jobsStarted: number;
  setPaper(state: 'ok' | 'low' | 'out'): void;
  setCoverOpen(open: boolean): void;
  /** Bytes read per second (null: as fast as they come). */
  setReadRate(bytesPerSecond: number | null): void;
  /** Status answers come this much later (a busy or slow printer); 0: at once. */
  setStatusDelay(ms: number): void;
  /** The next job's connection is reset this long after its first byte was read. */
  killNextJobAfterMs(ms: number): void;
  /** Stops listening and drops connections: connection refused, like a printer switched off. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  /** Resolves when `count` jobs have been received (in total). */
  waitForJobs(count: number, timeoutMs?: number): Promise<FakePrintedJob[]>;
  /** Called at the first byte of every job (the benchmark's clock). */
  onFirstByte: ((at: number) => void) | null;
  close(): Promise<void>;
}

/** Strips the status questions a sender asks after the job (10 04 n at the very end). */
function withoutTrailingQueries(bytes: number[]): number[] {
  let end = bytes.length;
  while (end >= 3 && bytes[end - 3] === 0x10 && bytes[end - 2] === 0x04) end -= 3;
  return bytes.slice(0, end);
}

export async function startFakePrinter(): Promise<FakeEscposPrinter> {
  let paper: 'ok' | 'low' | 'out' = 'ok';
  let coverOpen = false;
  let rate: number | null = null;
  let killAfter: number | null = null;
  let statusDelay = 0;
  const jobs: FakePrintedJob[] = [];
  const cutJobs: FakePrintedJob[] = [];
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
      case 4:
        return 0x12 | (paper === 'out' ? 0x60 : paper === 'low' ? 0x0c : 0);
      default:
        return 0x12;
    }
  };

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    const queue: number[] = [];
    const stream: number[] = [];
    /** Answer times, to tell the stray ones (before the job's last byte) from the real ones. */
    const answeredAt: number[] = [];
    let jobStarted = false;
    let firstByteAt = 0;
    let lastJobByteAt = 0;
    let ended = false;
    let done = false;
    let pump: ReturnType<typeof setInterval> | null = null;

    const record = (into: FakePrintedJob[]) => {
      if (done) return;
      done = true;
      if (pump) clearInterval(pump);
      const bytes = withoutTrailingQueries(stream);
      if (!jobStarted || bytes.length === 0) return;
      into.push({ bytes: Buffer.from(bytes), firstByteAt, lastByteAt: lastJobByteAt, strayStatusAnswers: answeredAt.filter((t) => t < lastJobByteAt).length });
      for (const w of [...waiters]) w();
    };
    const read = (b: number) => {
      const at = performance.now();
      if (!jobStarted) {
        const pos = stream.length % 3;
        const query = (pos === 0 && b === 0x10) || (pos === 1 && b === 0x04) || pos === 2;
        if (!query || (pos === 2 && (b < 1 || b > 4))) {
          jobStarted = true;
          fake.jobsStarted++;
          firstByteAt = at;
          fake.onFirstByte?.(at);
          if (killAfter !== null) {
            const ms = killAfter;
            killAfter = null;
            setTimeout(() => {
              if (done) return;
              record(cutJobs);
              socket.resetAndDestroy();
            }, ms);
          }
        }
      }
      stream.push(b);
      const n = stream.length;
      if (n >= 3 && stream[n - 3] === 0x10 && stream[n - 2] === 0x04 && b >= 1 && b <= 4) {
        fake.statusQueries++;
        answeredAt.push(at);
        const answer = Uint8Array.of(statusByte(b));
        const send = () => {
          if (!socket.destroyed) socket.write(answer);
        };
        if (statusDelay > 0) setTimeout(send, statusDelay);
        else send();
      } else if (jobStarted) lastJobByteAt = at;
    };
    const drain = (max: number) => {
      for (let i = 0; i < max && queue.length > 0 && !done; i++) read(queue.shift()!);
      if (queue.length < 4096 && socket.isPaused()) socket.resume();
      if (ended && queue.length === 0 && !done) {
        record(jobs);
        socket.end();
      }
    };
    const schedule = () => {
      if (rate === null) return drain(Infinity);
      pump ??= setInterval(() => drain(Math.max(1, Math.round((rate ?? 1e9) / 100))), 10);
    };

    socket.on('data', (chunk: Buffer) => {
      for (const b of chunk) queue.push(b);
      if (rate !== null && queue.length >= 4096) socket.pause();
      schedule();
    });
    socket.on('end', () => {
      ended = true;
      schedule();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      record(cutJobs); // closed before the sender ended it and everything was read
    });
  };

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server = createServer({ allowHalfOpen: true }, onConnection);
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
    cutJobs,
    statusQueries: 0,
    jobsStarted: 0,
    onFirstByte: null,
    setPaper: (state) => {
      paper = state;
    },
    setCoverOpen: (open) => {
      coverOpen = open;
    },
    setReadRate: (bytesPerSecond) => {
      rate = bytesPerSecond;
    },
    setStatusDelay: (ms) => {
      statusDelay = ms;
    },
    killNextJobAfterMs: (ms) => {
      killAfter = ms;
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
