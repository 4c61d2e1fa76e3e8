import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout or stderr has printed a line matching; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
  /**
   * Cleanup for afterEach: SIGTERM (a wrapper such as the tsx CLI relays it to its child, which
   * SIGKILL could not), then SIGKILL if still running after `graceMs`.
   */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a process with piped stdio, collecting its output for assertions and diagnostics. */
export function spawnChild(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Child {
  const proc = spawn(command, args, { cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env, stdio: 'pipe' });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const l of [...listeners]) l();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const l of [...listeners]) l();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => {
      // Let the last output drain before anyone reads it.
      setImmediate(() => resolve({ code, signal }));
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const l of [...listeners]) l();
  });
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
    async stop(graceMs = 3000) {
      if (hasExited) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    waitForLine(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of `${out}\n${err}`.split('\n')) {
            const m = line.match(pattern);
            if (m) {
              done();
              resolve(m);
              return;
            }
          }
          if (hasExited) {
            done();
            reject(new Error(`process exited before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out waiting for ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** `node --import tsx <script>`: TypeScript in one process (no tsx CLI wrapper in between). */
export const tsxNodeArgs = (script: string, ...args: string[]) => ['--import', 'tsx', script, ...args];
