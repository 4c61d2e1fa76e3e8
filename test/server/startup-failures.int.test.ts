/**
 * Every startup failure of the real `server/main.ts` (spawned as `npm start` runs it) is one
 * readable line on stderr naming the setting or the path, and exit code 2 — no stack trace
 * (issue 10, docs/faults.md).
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Child } from '../helpers/child.ts';
import { spawnMain } from '../helpers/main-process.ts';
import { CAN_MOUNT, mountSmallDisk, type SmallDisk } from '../helpers/small-disk.ts';
import { tempDir } from '../helpers/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let child: Child | null = null;
let disk: SmallDisk | null = null;
let blocker: Server | null = null;
beforeEach(() => {
  dir = tempDir('luot-startup');
});
afterEach(async () => {
  await child?.stop();
  child = null;
  disk?.remove();
  disk = null;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = null;
  chmodSync(dir.path, 0o700);
  dir.remove();
});

/** Starts main.ts with `env` over a valid configuration; resolves with its one stderr line once it exited 2. */
async function failedStart(env: Record<string, string>): Promise<string> {
  child = spawnMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir.path, 'data'), LOG_LEVEL: 'warn', DEMO: 'false', ...env });
  const exit = await child.exited;
  const stderr = child.stderr();
  expect(exit, stderr).toEqual({ code: 2, signal: null });
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
}

describe('server/main.ts refuses to start with one line and exit code 2', () => {
  it.each([
    ['PORT', '', /^Invalid configuration: PORT: a whole number from 0 to 65535, in decimal digits$/],
    ['PORT', '0x0C8A', /^Invalid configuration: PORT: a whole number from 0 to 65535, in decimal digits$/],
    ['HOST', 'not a host', /^Invalid configuration: HOST: an IP address of this machine/],
  ])('%s=%j', async (key, value, expected) => {
    expect(await failedStart({ [key]: value })).toMatch(expected);
    expect(existsSync(join(dir.path, 'data'))).toBe(false);
  });

  it('DATA_DIR is a file', async () => {
    const file = join(dir.path, 'data');
    writeFileSync(file, 'not a folder\n');
    expect(await failedStart({ DATA_DIR: file })).toBe(`Luot cannot start: DATA_DIR=${file} is a file, not a folder`);
  });

  it('DATA_DIR is read-only', async (ctx) => {
    let data: string;
    if (process.getuid?.() === 0) {
      if (!CAN_MOUNT && process.env.CI !== 'true') {
        console.warn('SKIPPED "DATA_DIR is read-only": root, but mounting a read-only tmpfs is refused here');
        ctx.skip();
      }
      // Root writes through file modes: only a read-only mount stops it.
      disk = mountSmallDisk(1);
      disk.remount({ ro: true });
      data = disk.path;
    } else {
      data = join(dir.path, 'data');
      mkdirSync(data);
      chmodSync(data, 0o555);
    }
    const line = await failedStart({ DATA_DIR: data });
    expect(line).toMatch(/^Luot cannot start: /);
    expect(line).toContain(`DATA_DIR=${data}`);
    expect(line).toMatch(/writable|read-only|no permission/);
  });

  it('DATA_DIR holds a corrupt database', async () => {
    const data = join(dir.path, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'luot.sqlite'), 'this is not a database, it is a shopping list\n'.repeat(200));
    expect(await failedStart({ DATA_DIR: data })).toBe(
      `Luot cannot start: ${join(data, 'luot.sqlite')} is not a Luot database or is damaged (SQLITE_NOTADB); restore it from a backup or move it away`,
    );
  });

  it('PORT is in use', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    expect(await failedStart({ PORT: String(port) })).toBe(
      `Luot cannot start: PORT=${port} is already in use on 127.0.0.1 (another program, or another Luot, listens there)`,
    );
  });

  it('HOST is not an address of this machine', async () => {
    // 192.0.2.1: TEST-NET-1 (RFC 5737), never assigned to a real machine.
    expect(await failedStart({ HOST: '192.0.2.1' })).toBe('Luot cannot start: HOST=192.0.2.1 is not an address of this machine');
  });
});
