import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Two linked pseudo-terminals from socat (`socat -d -d pty,raw,echo=0,link=<a> pty,raw,echo=0,link=<b>`):
 * whatever is written to one is read from the other, and serialport opens both like real ports.
 * Killing it is pulling the cable: both ends disappear. Only the socat this helper started is
 * ever killed, by its own pid.
 */
export interface PtyPair {
  a: string;
  b: string;
  proc: ChildProcess;
  /** Pulls the cable: socat exits and both links vanish. */
  kill(): Promise<void>;
}

export async function startPtyPair(a: string, b: string, timeoutMs = 5000): Promise<PtyPair> {
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const started = Date.now();
  while (!(existsSync(a) && existsSync(b) && /starting data transfer loop/.test(stderr))) {
    if (proc.exitCode !== null) throw new Error(`socat exited: ${stderr}`);
    if (Date.now() - started > timeoutMs) {
      proc.kill('SIGTERM');
      throw new Error(`socat did not make ${a} and ${b} in time: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    a,
    b,
    proc,
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
