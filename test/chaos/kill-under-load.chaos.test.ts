import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../server/demo/demo-accounts.ts';
import { chaosSeed, seededRandom } from '../helpers/chaos.ts';
import { raiseKioskLimits, startMainProcess } from '../helpers/chaos-server.ts';
import type { Child } from '../helpers/child.ts';
import { rawQuery } from '../helpers/raw-db.ts';
import { emptyAcks, OFFICERS, prepareOfficers, runQueueLoad, type Acks } from '../helpers/queue-load.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * `kill -9` of the real server process while kiosks issue, officers call and finish and a bridge
 * forwards ratings, three times on the same data folder. Whatever the server acknowledged (a 2xx
 * answer received) must be there after the restart, exactly once; ticket numbers stay gap-free
 * and distinct; the database passes `PRAGMA integrity_check`.
 *
 * The server runs as `node --import tsx server/main.ts`: one process, the one holding the
 * database, so SIGKILL hits the writer itself (the tsx CLI would be a second process in between).
 */
const SEED = chaosSeed();
const random = seededRandom(SEED);
const ROUNDS = 3;
const dir = tempDir('luot-chaos-kill');
const dbFile = join(dir.path, 'luot.sqlite');
let child: Child | null = null;
const display = { authorization: `Bearer ${DEMO_TOKENS.display}` };

afterAll(async () => {
  await child?.stop(2000);
  dir.remove();
});

async function startMain(): Promise<{ child: Child; url: string }> {
  const started = await startMainProcess(dir.path);
  child = started.child;
  return started;
}

function holdsFile(pid: number, file: string): boolean {
  return readdirSync(`/proc/${pid}/fd`).some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
    } catch {
      return false;
    }
  });
}

function checkStore(acks: Acks, round: number) {
  const where = `after round ${round} (CHAOS_SEED=${SEED})`;
  expect(rawQuery(dbFile, 'PRAGMA integrity_check'), where).toEqual([{ integrity_check: 'ok' }]);
  expect(rawQuery(dbFile, 'PRAGMA foreign_key_check'), where).toEqual([]);

  const tickets = new Map(
    rawQuery<{ id: string; number: string; service_id: string; state: string }>(dbFile, 'SELECT id, number, service_id, state FROM tickets').map((t) => [
      t.id,
      t,
    ]),
  );
  const lostTickets = [...acks.tickets].filter(([id, t]) => tickets.get(id)?.number !== t.number);
  expect(lostTickets, `acknowledged tickets missing or renumbered ${where}`).toEqual([]);

  // Per service and day: 1, 2, 3 … with no gap; and no number twice in a day.
  const seqs = rawQuery<{ service_id: string; business_day: string; seqs: string }>(
    dbFile,
    'SELECT service_id, business_day, group_concat(seq) AS seqs FROM (SELECT * FROM tickets ORDER BY seq) GROUP BY service_id, business_day',
  );
  for (const g of seqs) {
    const list = g.seqs.split(',').map(Number);
    expect(list, `seq of ${g.service_id} on ${g.business_day} ${where}`).toEqual(list.map((_, i) => i + 1));
  }
  expect(rawQuery(dbFile, 'SELECT business_day, number, count(*) AS n FROM tickets GROUP BY centre_id, business_day, number HAVING n > 1'), where).toEqual([]);

  const events = rawQuery<{ ticket_id: string; to_state: string; counter_id: string | null }>(
    dbFile,
    'SELECT ticket_id, to_state, counter_id FROM ticket_events',
  );
  const count = (ticketId: string, state: string, counterId: string) =>
    events.filter((e) => e.ticket_id === ticketId && e.to_state === state && e.counter_id === counterId).length;
  expect(
    acks.calls.filter((c) => count(c.ticketId, 'called', c.counterId) !== 1),
    `acknowledged calls not recorded exactly once ${where}`,
  ).toEqual([]);
  expect(
    acks.finishes.filter((f) => count(f.ticketId, 'done', f.counterId) !== 1 || tickets.get(f.ticketId)?.state !== 'done'),
    `acknowledged finishes not recorded exactly once ${where}`,
  ).toEqual([]);

  const ratings = rawQuery<{ id: string; ticket_id: string }>(dbFile, 'SELECT id, ticket_id FROM ratings');
  expect(
    [...acks.ratings].filter(([id, r]) => ratings.filter((x) => x.id === id && x.ticket_id === r.ticketId).length !== 1),
    `acknowledged ratings ${where}`,
  ).toEqual([]);
  expect(rawQuery(dbFile, 'SELECT ticket_id, count(*) AS n FROM ratings GROUP BY ticket_id HAVING n > 1'), where).toEqual([]);
}

describe(`kill -9 under load (CHAOS_SEED=${SEED})`, () => {
  it(`keeps every acknowledged ticket, call, finish and rating over ${ROUNDS} kills`, async () => {
    const acks = emptyAcks();
    const perRound: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { child: server, url } = await startMain();
      if (round > 1) checkStore(acks, round - 1);
      if (round === 1) await raiseKioskLimits(url);
      // The services the officers' counters call, so every issued ticket can be called.
      const counters = (await (await fetch(`${url}/api/centres/demo/counters`, { headers: display })).json()) as { id: string; serviceIds: string[] }[];
      const services = [...new Set(counters.filter((c) => OFFICERS.some((o) => o.counterId === c.id)).flatMap((c) => c.serviceIds))];
      const officers = await prepareOfficers(url);
      const before = { tickets: acks.tickets.size, calls: acks.calls.length, finishes: acks.finishes.length, ratings: acks.ratings.size };
      const stop = new AbortController();
      const load = runQueueLoad({ url, acks, officers, serviceIds: services, random, signal: stop.signal });
      // A random moment once the load is running.
      await new Promise((r) => setTimeout(r, 1000 + Math.floor(random() * 3000)));
      // SIGKILL goes to the process that has the database open, not to a launcher in front of it.
      expect(holdsFile(server.proc.pid!, dbFile), 'the killed process holds the database').toBe(true);
      server.proc.kill('SIGKILL');
      const exit = await server.exited;
      expect(exit.signal).toBe('SIGKILL');
      stop.abort();
      await load;
      perRound.push(
        `round ${round}: +${acks.tickets.size - before.tickets} tickets, +${acks.calls.length - before.calls} calls, ` +
          `+${acks.finishes.length - before.finishes} finishes, +${acks.ratings.size - before.ratings} ratings`,
      );
      // The load must have been real, or the round proves nothing.
      expect(acks.tickets.size - before.tickets, perRound.at(-1)).toBeGreaterThan(5);
    }
    const { child: last, url } = await startMain();
    console.info(`kill -9 under load, CHAOS_SEED=${SEED}\n  ${perRound.join('\n  ')}`);
    checkStore(acks, ROUNDS);
    expect(acks.calls.length, perRound.join('; ')).toBeGreaterThan(0);
    expect(acks.ratings.size, perRound.join('; ')).toBeGreaterThan(0);
    // The restarted server answers.
    const res = await fetch(`${url}/api/centres/demo/snapshot`, { headers: display });
    expect(res.status).toBe(200);
    expect(last.stderr()).not.toMatch(/SQLITE_CORRUPT|malformed|integrity/i);
    await last.stop();
  });
});
