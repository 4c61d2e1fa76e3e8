import { spawnChild, tsxNodeArgs, type Child } from '../../helpers/child.ts';
import { spawnMain } from '../../helpers/main-process.ts';

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run backup` / `npm run restore` as package.json runs them (node --import tsx), with DATA_DIR and more in the environment. */
export async function runTool(tool: 'backup' | 'restore', env: Record<string, string | undefined>, ...args: string[]): Promise<ToolRun> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const child = spawnChild(process.execPath, tsxNodeArgs(`scripts/${tool}.ts`, ...args), { env: merged });
  // A tool that never finishes (a backup restarting for ever under writes) fails the test here.
  const timer = setTimeout(() => child.kill('SIGKILL'), TOOL_TIMEOUT_MS);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  if (signal === 'SIGKILL') throw new Error(`npm run ${tool} did not finish within ${TOOL_TIMEOUT_MS} ms\n${child.stderr()}`);
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

const TOOL_TIMEOUT_MS = 25_000;

/** The real server (`npm start` without the build) on `dataDir`, demo centre, an ephemeral port. */
export async function startMainOn(dataDir: string, env: Record<string, string> = {}): Promise<{ child: Child; url: string }> {
  const child = spawnMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'info', BACKUP_INTERVAL_MS: '0', ...env });
  const [, url] = await child.waitForLine(/Luot listening on (http:\/\/127\.0\.0\.1:\d+) /);
  return { child, url: url! };
}
