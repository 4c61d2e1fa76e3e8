import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineFacts {
  node: string;
  os: string;
  cpuCount: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average when the benchmark started: others share this machine, so say how busy it was. */
  loadAtStart: number;
  /** The commit measured; "+dirty" when the working tree had uncommitted changes. */
  commit: string;
}

export function machineFacts(): MachineFacts {
  const cpu = cpus();
  return {
    node: process.version,
    os: `${type()} ${release()}`,
    cpuCount: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAtStart: Math.round(loadavg()[0]! * 100) / 100,
    commit: gitDescribe(),
  };
}

function gitDescribe(): string {
  try {
    const out = execFileSync('git', ['describe', '--always', '--dirty=+dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim();
  } catch {
    return 'unknown'; // not a git checkout (e.g. an unpacked release): still worth recording the numbers
  }
}
