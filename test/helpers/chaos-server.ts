import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { rssOf } from './chaos.ts';
import { spawnChild, tsxNodeArgs, type Child } from './child.ts';
import { loginHeaders } from './credentials.ts';

export interface MainProcess {
  child: Child;
  url: string;
  pid: number;
}

/**
 * The real server as its own process, `node --import tsx server/main.ts` (one process: the one
 * that holds the database and whose memory is measured), demo centre, on 127.0.0.1 and a free port.
 */
export async function startMainProcess(dataDir: string, env: Record<string, string> = {}): Promise<MainProcess> {
  const child = spawnChild(process.execPath, tsxNodeArgs('server/main.ts'), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'info', ...env },
  });
  try {
    const [, url] = await child.waitForLine(/Luot listening on (http:\/\/[^\s]+)/, 30_000);
    return { child, url: url!, pid: child.proc.pid! };
  } catch (error) {
    await child.stop(1000);
    throw error;
  }
}

/** Lets the demo kiosk issue as fast as a test needs (the default bucket is 10, then 20 a minute). */
export async function raiseKioskLimits(url: string): Promise<void> {
  const admin = await loginHeaders(url, 'admin');
  const res = await fetch(`${url}/api/centres/demo/settings`, {
    method: 'PUT',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ kioskBurst: 100, kioskPerMinute: 600 }),
  });
  if (res.status !== 200) throw new Error(`raising the kiosk limits: ${res.status} ${await res.text()}`);
}

export interface ControlResult {
  /** Latency of each control request, ms (a request with no answer counts as Infinity). */
  latencies: number[];
  statuses: number[];
  max: number;
  p50: number;
}

/**
 * The control request: the demo kiosk issuing a ticket every `everyMs`, each timed, until stopped.
 * What a citizen at the kiosk would feel while someone floods the server.
 */
export function controlIssuer(url: string, serviceId: string, everyMs = 250): { stop(): Promise<ControlResult> } {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/centres/demo/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId }),
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer();
        statuses.push(res.status);
        latencies.push(performance.now() - started);
      } catch {
        statuses.push(0);
        latencies.push(Infinity);
      }
      const left = everyMs - (performance.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      return { latencies, statuses, max: sorted.at(-1) ?? Infinity, p50: sorted[Math.floor(sorted.length / 2)] ?? Infinity };
    },
  };
}

/**
 * Samples a process's resident memory every `everyMs`. Past `capBytes` it calls `onCap` once
 * (a test then stops its flood: a server without the fix would otherwise take the machine down).
 */
export function rssSampler(pid: number, options: { everyMs?: number; capBytes: number; onCap(): void }) {
  let peak = 0;
  let last = 0;
  let capped = false;
  const timer = setInterval(() => {
    void rssOf(pid).then((rss) => {
      if (rss === null) return;
      last = rss;
      peak = Math.max(peak, rss);
      if (rss > options.capBytes && !capped) {
        capped = true;
        options.onCap();
      }
    });
  }, options.everyMs ?? 50);
  return {
    stop() {
      clearInterval(timer);
      return { peak, last, capped };
    },
  };
}

export const MB = 1024 * 1024;
