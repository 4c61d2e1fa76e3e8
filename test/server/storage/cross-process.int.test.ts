import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { createSqliteStore } from '../../../server/storage/sqlite.store.ts';
import { HCM, hcmCentre } from '../../fixtures/centres.ts';
import { spawnChild, tsxNodeArgs, type Child } from '../../helpers/child.ts';
import { rawQuery } from '../../helpers/raw-db.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const CHILD = 'test/fixtures/take-numbers.child.ts';
const PER_PROCESS = 100;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

let dir: ReturnType<typeof tempDir>;
let dbFile: string;
const children: Child[] = [];
beforeEach(async () => {
  dir = tempDir('luot-xproc');
  dbFile = join(dir.path, 'luot.sqlite');
  const store = await createSqliteStore({ filename: dbFile });
  await installCentre(store, hcmCentre);
  await store.close();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.stop(500)));
  dir.remove();
});

interface ChildResult {
  label: string;
  tickets: { id: string; seq: number; number: string }[];
  errors: string[];
  startedAt: number;
  endedAt: number;
}

/** Two child processes issue PER_PROCESS tickets each on the shared file, released together. */
async function race(pauseMs: number): Promise<ChildResult[]> {
  const spawnTaker = (label: string) => {
    const child = spawnChild(process.execPath, tsxNodeArgs(CHILD, dbFile, HCM, 'ho-tich', String(PER_PROCESS), label, String(pauseMs)));
    children.push(child);
    return child;
  };
  const takers = [spawnTaker('kiosk-a'), spawnTaker('kiosk-b')];
  // Each opens the store, says ready and waits for the word, so both start at once.
  await Promise.all(takers.map((c) => c.waitForLine(/^ready$/)));
  for (const c of takers) c.proc.stdin.write('go\n');
  const exits = await Promise.all(takers.map((c) => c.exited));
  expect({ exits: exits.map((e) => e.code), stderr: takers.map((c) => c.stderr()) }).toEqual({ exits: [0, 0], stderr: ['', ''] });
  return takers.map((c) => JSON.parse(c.stdout().trim().split('\n').at(-1)!) as ChildResult);
}

/** What must hold on disk and in the children's answers after any race. */
function expectGapFree(results: ChildResult[]) {
  for (const r of results) {
    // No SQLITE_BUSY (nor anything else) in either process.
    expect(r.errors).toEqual([]);
    expect(r.tickets).toHaveLength(PER_PROCESS);
    const seqs = r.tickets.map((t) => t.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  }
  const all = results.flatMap((r) => r.tickets);
  expect(new Set(all.map((t) => t.number)).size).toBe(200);
  expect(all.map((t) => t.seq).sort((x, y) => x - y)).toEqual(range(200));

  expect(rawQuery(dbFile, 'SELECT count(*) AS n, count(DISTINCT seq) AS d, max(seq) AS hi FROM tickets')).toEqual([{ n: 200, d: 200, hi: 200 }]);
  expect(rawQuery(dbFile, 'SELECT last_seq FROM number_sequences')).toEqual([{ last_seq: 200 }]);
  expect(rawQuery(dbFile, 'SELECT event_seq FROM centres WHERE id = ?', HCM)).toEqual([{ event_seq: 200 }]);
  expect(rawQuery<{ seq: number }>(dbFile, 'SELECT seq FROM ticket_events ORDER BY seq').map((e) => e.seq)).toEqual(range(200));
  expect(rawQuery(dbFile, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
}

describe('two processes taking numbers on one SQLite file (BEGIN IMMEDIATE across processes)', () => {
  it('flat out: 200 distinct, gap-free numbers and no SQLITE_BUSY', async () => {
    const results = await race(0);
    expectGapFree(results);
    // Both loops were running at the same time: the one that got the lock second had to wait
    // for the other's transactions (busy_timeout) instead of failing.
    const [a, b] = results as [ChildResult, ChildResult];
    expect(a.startedAt).toBeLessThan(b.endedAt);
    expect(b.startedAt).toBeLessThan(a.endedAt);
  });

  it('like real kiosks (short pauses): the writes interleave, still gap-free and without errors', async () => {
    // 5–10 ms between tickets: each loop spends most of its ≥ 0.5 s asleep, so even a loaded CI
    // machine that starts one child late lets the other in between (3 ms once gave A→B→A only).
    const results = await race(10);
    expectGapFree(results);
    const events = rawQuery<{ actor_id: string }>(dbFile, 'SELECT actor_id FROM ticket_events ORDER BY seq');
    const switches = events.filter((e, i) => i > 0 && e.actor_id !== events[i - 1]!.actor_id).length;
    // Typically ~150 on an idle machine; A→B→A→B at the least even on a loaded one.
    expect(switches).toBeGreaterThanOrEqual(3);
  });
});
