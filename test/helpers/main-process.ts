import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnChild, type Child } from './child.ts';

/**
 * The command `npm start` runs (package.json's `start` script), without its `--demo` flag (tests
 * set DEMO themselves) and without npm, whose build step would take a minute. Tests spawn exactly
 * what production runs, so a launcher that loses signals (the tsx CLI relays SIGTERM to its child
 * and SIGKILLs it unless the child confirms within 30 ms, then exits 143) fails here too.
 */
export function startCommand(): { command: string; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [bin, ...args] = pkg.scripts.start.split(/\s+/).filter((a) => a !== '--demo');
  const command = bin === 'node' ? process.execPath : join(process.cwd(), 'node_modules/.bin', bin!);
  return { command, args };
}

/** Spawns the server as `npm start` runs it, with `env` added to (or, `undefined`, removed from) this process's environment. */
export function spawnMain(env: Record<string, string | undefined>): Child {
  const { command, args } = startCommand();
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return spawnChild(command, args, { env: merged });
}
