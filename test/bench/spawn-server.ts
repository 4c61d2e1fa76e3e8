import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const childEntry = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Starts the real server (demo centre, fresh SQLite in a temp dir) in a child Node process. */
export async function spawnServer(extraEnv: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'luot-bench-'));
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', ...extraEnv };
  // `node --import tsx` rather than `npx tsx`: no npx wrapper process between us and the server,
  // so the pid we signal is the server's own.
  const child = spawn(process.execPath, ['--import', 'tsx', childEntry, JSON.stringify(env)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const url = await readyUrl(child);
    return {
      url,
      pid: child.pid!,
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
    const timer = setTimeout(() => reject(new Error('bench server did not start within 20 s')), 20_000);
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
