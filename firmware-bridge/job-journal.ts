import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * At most once: the job ids this bridge started or finished printing, appended to
 * `<dataDir>/printed-jobs.ndjson` and fsync'ed before the first byte goes to the printer. A job
 * the server sends again (its answer was lost, the bridge restarted) is answered from here and
 * never printed twice. A job that started but did not finish (power cut mid-ticket) is not
 * retried either: the server reports it failed and staff reprint — a second paper would be a
 * duplicate ticket in the citizen's hand.
 */
export type JournalState = 'printing' | 'printed' | 'failed';

interface Entry {
  jobId: string;
  state: JournalState;
  at: string;
  code?: string;
}

export const JOURNAL_FILE = 'printed-jobs.ndjson';
/** Job ids older than the newest this many are forgotten at start (a job lives seconds). */
const KEEP = 5000;

export class JobJournal {
  private readonly states = new Map<string, JournalState>();
  private fd: number;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, JOURNAL_FILE);
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as Entry;
          if (typeof e.jobId === 'string') {
            this.states.delete(e.jobId); // re-insert: Map order is recency
            this.states.set(e.jobId, e.state);
          }
        } catch {
          // A line cut by a power loss while appending: the entries before it stand.
        }
      }
    }
    if (this.states.size > KEEP) this.compact();
    this.fd = openSync(this.file, 'a');
    // A torn last line must not swallow the next entry: start it on a line of its own.
    if (existsSync(this.file) && !/(^|\n)$/.test(readFileSync(this.file, 'utf8'))) writeSync(this.fd, '\n');
  }

  /** What happened to a job id on this bridge, if anything. */
  stateOf(jobId: string): JournalState | null {
    return this.states.get(jobId) ?? null;
  }

  /** Before sending bytes: from now on the job is never printed again. */
  begin(jobId: string): void {
    this.append({ jobId, state: 'printing', at: this.clock().toISOString() });
  }

  printed(jobId: string): void {
    this.append({ jobId, state: 'printed', at: this.clock().toISOString() });
  }

  failed(jobId: string, code: string): void {
    this.append({ jobId, state: 'failed', at: this.clock().toISOString(), code });
  }

  close(): void {
    closeSync(this.fd);
  }

  private append(entry: Entry): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
    this.states.delete(entry.jobId);
    this.states.set(entry.jobId, entry.state);
  }

  private compact(): void {
    const kept = [...this.states.entries()].slice(-KEEP);
    this.states.clear();
    const at = this.clock().toISOString();
    const lines = kept.map(([jobId, state]) => {
      this.states.set(jobId, state);
      return `${JSON.stringify({ jobId, state, at })}\n`;
    });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, lines.join(''));
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.file);
  }
}
