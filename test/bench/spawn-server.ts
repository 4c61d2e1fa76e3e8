import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerStats } from './server-child.ts';

export type { ServerStats };

export interface ChildServer {
  url: string;
  pid: number;
  /** The server process's own counters (statements, CPU, RSS), asked over IPC. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** A SQLite file to start from (copied into the server's data folder), e.g. a seeded history. */
  dbFile?: string;
}

const childEntry = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Starts the real server (demo centre, fresh SQLite in a temp dir unless `dbFile`) in a child Node process. */
export async function spawnServer(extraEnv: Record<string, string> = {}, options: SpawnOptions = {}): Promise<ChildServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'luot-bench-'));
  if (options.dbFile) await copyFile(options.dbFile, join(dataDir, 'luot.sqlite'));
  // No daily backup in the middle of a timed run (server/backup/, docs/backup.md).
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', BACKUP_INTERVAL_MS: '0', ...extraEnv };
  // `node --import tsx` rather than `npx tsx`: no npx wrapper process between us and the server,
  // so the pid we signal is the server's own.
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (docs/benchmarks.md).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', childEntry, JSON.stringify(env)], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  try {
    const url = await readyUrl(child);
    return {
      url,
      pid: child.pid!,
      stats: () =>
        new Promise<ServerStats>((resolve) => {
          child.once('message', (m) => resolve(m as ServerStats));
          child.send('stats');
        }),
      async stop() {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('bench server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`bench server exited early with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^ready (\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
}

/** The server's cost between two readings, per operation. */
export function perOp(before: ServerStats, after: ServerStats, ops: number): { cpuMs: number; statements: number } {
  return { cpuMs: (after.cpuUs - before.cpuUs) / 1000 / ops, statements: (after.statements - before.statements) / ops };
}
