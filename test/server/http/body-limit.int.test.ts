import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { BODY_LIMITS } from '../../../server/http/body-limit.ts';
import { spawnChild, tsxNodeArgs, type Child } from '../../helpers/child.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * Oversized bodies (issue #10): the real server process (node, no tsx wrapper, so the pid is the
 * server's) gets 4 concurrent 450 MB bodies, generated on the fly, chunked or with a lying
 * Content-Length. Each is refused with 413 request.too_large long before it is sent, and the
 * server's resident memory stays flat.
 */
const ATTEMPT_BYTES = 450 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61); // "aaaa…": inside a JSON string, as an attacker would send it

let dir: ReturnType<typeof tempDir>;
let child: Child;
let url: string;

beforeAll(async () => {
  dir = tempDir('luot-body-limit');
  child = spawnChild(process.execPath, tsxNodeArgs('server/main.ts'), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, DEMO: 'true', LOG_LEVEL: 'info' },
  });
  [, url] = (await child.waitForLine(/Luot listening on (http:\/\/127\.0\.0\.1:\d+) /)) as [string, string];
}, 60_000);
afterAll(async () => {
  await child?.stop();
  dir?.remove();
});

/** The server process's resident memory, in bytes. */
function rss(): number {
  const status = readFileSync(`/proc/${child.proc.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Attempt {
  status: number;
  body: any;
  /** Bytes the client managed to hand to its socket before the server answered or hung up. */
  sent: number;
}

/**
 * POSTs up to `ATTEMPT_BYTES` (chunked, or with Content-Length `declared`), writing as fast as the
 * socket takes it, and stops writing as soon as the server answers or closes.
 */
function attempt(path: string, headers: Record<string, string>, declared?: number): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let stopped = false;
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...(declared === undefined ? {} : { 'content-length': String(declared) }) },
    });
    const timer = setTimeout(() => {
      stopped = true;
      req.destroy();
      reject(new Error(`no answer after ${sent} bytes`));
    }, 20_000);
    const pump = () => {
      while (!stopped && sent < ATTEMPT_BYTES) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!stopped) req.end();
    };
    req.on('response', (res) => {
      stopped = true;
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), sent });
      });
    });
    // The server reads on (and discards) for a moment after answering, so the answer arrives
    // before any reset: a write error without an answer fails the attempt.
    req.on('error', (error) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      reject(new Error(`${error.message} after ${sent} bytes, before an answer`));
    });
    req.write('{"username":"admin","password":"');
    pump();
  });
}

const routes: { name: string; path: string; headers: Record<string, string> }[] = [
  { name: 'login', path: '/api/auth/login', headers: {} },
  { name: 'ticket issue (kiosk)', path: '/api/centres/demo/tickets', headers: { authorization: `Bearer ${DEMO_TOKENS.kiosk}` } },
];

describe('body limits on the real server', () => {
  it('a small body still works on the small-limit routes', async () => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    const issued = await fetch(`${url}/api/centres/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.kiosk}` },
      body: JSON.stringify({ serviceId: 'dat-dai' }) + ' '.repeat(BODY_LIMITS.small - 100),
    });
    expect(issued.status).toBe(200);
  });

  it.each([
    ['chunked, without Content-Length', undefined],
    ['with a lying Content-Length of 450 MB', ATTEMPT_BYTES],
  ] as const)('4 concurrent 450 MB bodies %s: 413 request.too_large, memory flat', async (_name, declared) => {
    for (const route of routes) {
      const before = rss();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
      try {
        const results = await Promise.all([1, 2, 3, 4].map(() => attempt(route.path, route.headers, declared)));
        for (const r of results) {
          expect(r.status, route.name).toBe(413);
          expect(r.body.error.code).toBe('request.too_large');
          expect(typeof r.body.error.message).toBe('string');
          // The client stopped long before 450 MB: the server answered, and hung up, early.
          expect(r.sent, route.name).toBeLessThan(100 * 1024 * 1024);
        }
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, rss());
      expect(peak - before, `${route.name}: RSS grew by ${Math.round((peak - before) / 1048576)} MB`).toBeLessThan(100 * 1024 * 1024);
    }
    // And the server still answers.
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('the admin settings route takes a larger body than login, and refuses past its own limit', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(BODY_LIMITS.default * 2) });
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(login.status).toBe(413);
    // Within the admin limit: reaches authentication (anonymous here), not refused for its size.
    const settings = await fetch(`${url}/api/centres/demo/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: big });
    expect(settings.status).toBe(401);
    const tooBig = await fetch(`${url}/api/centres/demo/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(BODY_LIMITS.admin) }),
    });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe('request.too_large');
  });
});
