import type { BodyCase } from './openapi-fuzz.ts';

/**
 * The chaos suite's seed: CHAOS_SEED when given (to replay a failure), else a fresh one. Every
 * random choice of the suite derives from it, and failures print it (docs/testing.md).
 */
export function chaosSeed(): number {
  const given = process.env.CHAOS_SEED;
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isSafeInteger(n)) throw new Error(`CHAOS_SEED must be an integer, not "${given}"`);
    return n;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** mulberry32: a small seeded generator for choices outside fast-check (kill moments, loads). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/** One line naming a fuzzed request and its answer, short enough to read (bodies can be 600 kB). */
export function describeCase(method: string, url: string, who: string, body: BodyCase, status: number, answer: string): string {
  const sent =
    body.kind === 'json'
      ? cut(JSON.stringify(body.value) ?? 'undefined', 300)
      : body.kind === 'raw'
        ? `${cut(JSON.stringify(body.text), 300)} as ${body.contentType ?? 'no content type'}`
        : 'no body';
  return `${method} ${cut(url, 300)} as ${who}, body [${body.label}] ${sent} → ${status} ${cut(answer, 400)}`;
}

/** Resident set size of a process in bytes, from /proc (Linux), or null once it is gone. */
export async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmRSS:\s+(\d+) kB/m);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive: a server that refuses a body early
 * may close the connection, and that must not fail the next request), with the path sent exactly
 * as given (fetch would resolve `..` and re-encode). Rejects when no answer arrives.
 */
export async function rawRequest(
  base: string,
  path: string,
  init: { method: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<RawAnswer> {
  const { request } = await import('node:http');
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: url.hostname, port: url.port, path, method: init.method, headers: init.headers, agent: false, timeout: init.timeoutMs ?? 20_000 },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    // A server may answer (413) and close before the whole body is written: the answer counts.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(init.body);
  });
}
