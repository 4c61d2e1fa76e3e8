import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callNext, finishTicket } from '../../../server/counters/calls.usecases.ts';
import type { Store } from '../../../server/kernel/store.port.ts';
import { armOnFinish, keypadPressed } from '../../../server/ratings/ratings.usecases.ts';
import { CENTRE_TABLES, type TableName } from '../../../server/storage/centre-transfer.ts';
import { createPostgresStore } from '../../../server/storage/postgres.store.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { sequentialIds } from '../../fakes/ids.fake.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { HCM, HN, HUNG, LAN, MORNING, hcmCentre, hnCentre } from '../../fixtures/centres.ts';
import { spawnChild } from '../../helpers/child.ts';
import { makeDeps } from '../../helpers/deps.ts';
import { findPgBin, startCluster, type PgCluster } from '../../helpers/postgres-cluster.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { fullState, open } from '../counters/counter-workflow.harness.ts';

/**
 * `npm run migrate:postgres` (scripts/migrate-postgres.ts, issue 13) as an operator runs it: a
 * commune's SQLite file with a morning of activity made by the real use cases is moved into a
 * province database of a private PostgreSQL cluster, then read back through the PostgreSQL store.
 */
const installed = findPgBin() !== null;
if (!installed) {
  const message = 'PostgreSQL is not installed (apt-get install postgresql): centre-transfer.int.test.ts is SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}

const DAY = '2026-03-16';
const COPIED = (Object.keys(CENTRE_TABLES) as (keyof typeof CENTRE_TABLES)[]).filter((t): t is TableName => 'owner' in CENTRE_TABLES[t]);
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let cluster: PgCluster;
const dir = tempDir('luot-transfer');
const stores: Store[] = [];
beforeAll(async () => {
  if (installed) cluster = await startCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
  dir.remove();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** The script as the npm script runs it; resolves with its exit code and output. */
async function migrate(...args: string[]) {
  const child = spawnChild('node', ['--import', 'tsx', 'scripts/migrate-postgres.ts', ...args]);
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** Rows of a centre per copied table, in the SQLite file and in the PostgreSQL database. */
function sqliteCounts(file: string, centreId: string): Record<string, number> {
  const db = new Sqlite(file, { readonly: true });
  try {
    const owner = (t: TableName) => CENTRE_TABLES[t].owner;
    return Object.fromEntries(COPIED.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${owner(t)} = ?`).get(centreId) as { n: number }).n]));
  } finally {
    db.close();
  }
}
async function pgCounts(url: string, centreId: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const t of COPIED)
      counts[t] = Number((await client.query(`SELECT count(*) AS n FROM ${t} WHERE ${CENTRE_TABLES[t].owner} = $1`, [centreId])).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}
async function pgRun(url: string, text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text, values).finally(() => client.end());
}

/** Tickets issued in the same millisecond come back in either order: compare them by id. */
const inIdOrder = (state: Awaited<ReturnType<typeof fullState>>) => ({ ...state, tickets: [...state.tickets].sort((a, b) => a.id.localeCompare(b.id)) });

/**
 * A commune's file: hcm with counters open, tickets issued, one served and rated on the keypad,
 * one being served, one waiting, a print job; hn installed and idle. Returns hcm's state as its
 * store reads it, taken before the store is closed (the embedded server stopped).
 */
async function communeFile(name: string) {
  const file = join(dir.path, name);
  const deps = await makeDeps({ filename: file, centres: [hcmCentre, hnCentre] });
  const rd = {
    ...deps,
    keypads: { arm: () => 1, disarm: () => {}, armBridge: () => {} },
    ratingNotifier: { armed: () => {}, recorded: () => {} },
    log: quiet,
  };
  deps.subscribers = [armOnFinish(rd)];
  rd.subscribers = deps.subscribers;
  await open(deps, ['quay-1', LAN], ['quay-2', HUNG]);
  const first = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
  await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
  await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
  await issueTicket(deps, { centreId: HCM, serviceId: 'dat-dai' });
  await callNext(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  await finishTicket(deps, { centreId: HCM, counterId: 'quay-1', actor: LAN });
  deps.clock.advance(5_000);
  const rated = await keypadPressed(rd, { centreId: HCM, bridgeId: 'b1' }, { keypadId: 'kp1', counterId: 'quay-1', bootId: 'AA', seq: 1, level: 2, ageMs: 0 });
  expect(rated.outcome).toBe('accepted');
  await callNext(deps, { centreId: HCM, counterId: 'quay-2', actor: HUNG });
  const before = await fullState(deps.store, HCM, [DAY]);
  await deps.store.close();
  // A print job of the first ticket, as 0004_print_jobs stores it (the print use cases are not needed to move one).
  const raw = new Sqlite(file);
  const at = Date.parse(MORNING);
  raw
    .prepare(
      `INSERT INTO print_jobs (id, centre_id, ticket_id, kiosk_id, bridge_id, printer_id, status, created_at, updated_at, deadline_at) VALUES (?, ?, ?, 'kiosk-1', 'b1', 'p1', 'printed', ?, ?, ?)`,
    )
    .run('job-1', HCM, first.ticket.id, at, at, at + 10_000);
  raw.close();
  return { file, before };
}

describe.skipIf(!installed)('npm run migrate:postgres', () => {
  it('moves a centre with its history, counters, ratings and sequences; a second run refuses and changes nothing', async () => {
    const { file, before } = await communeFile('commune.sqlite');
    const url = await cluster.createDatabase();

    const moved = await migrate('--from', file, '--to', url, '--centre', HCM);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/^ {2}tickets +4 rows$/m);
    expect(moved.stdout).toMatch(/^ {2}ratings +1 rows$/m);
    expect(moved.stdout).toMatch(
      /^Done: 1 centre\(s\) \(hcm\) copied into postgres:\/\/luot@127\.0\.0\.1:\d+\/\w+, \d+ rows, counts verified table by table\.$/m,
    );
    const counts = sqliteCounts(file, HCM);
    expect(counts).toMatchObject({ centres: 1, tickets: 4, ratings: 1, rating_arms: 1, print_jobs: 1, counter_events: 2 });
    expect(await pgCounts(url, HCM)).toEqual(counts);
    // Only the centre named.
    expect(await pgCounts(url, HN)).toMatchObject({ centres: 0, services: 0 });

    // Through the PostgreSQL store: the same tickets, events, counters, sequence.
    const store = await createPostgresStore({ url, poolSize: 2 });
    stores.push(store);
    expect(inIdOrder(await fullState(store, HCM, [DAY]))).toEqual(inIdOrder(before));
    expect(before.seq).toBeGreaterThan(0);
    expect(before.counters['quay-1']).toMatchObject({ status: 'open', staffId: 'lan' });
    const ratings = await store.listRatings(HCM);
    expect(ratings).toEqual([expect.objectContaining({ counterId: 'quay-1', staffId: 'lan', level: 2, serviceId: 'ho-tich' })]);
    // The numbering goes on after the last number of the day.
    const deps = { store, clock: fakeClock(MORNING), ids: sequentialIds('pg'), notifier: recordingNotifier() };
    const next = await issueTicket(deps, { centreId: HCM, serviceId: 'ho-tich' });
    expect(next.ticket.seq).toBe(4);
    expect(next.ticket.number).toBe('A004');
    expect(await store.currentSeq(HCM)).toBe(before.seq + 1);
    await store.close();
    stores.pop();

    // Every centre of the file now: hcm is there, so nothing at all is copied (not even hn).
    const target = await pgCounts(url, HCM);
    const again = await migrate('--from', file, '--to', url);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`migrate-postgres: the target already holds centre ${HCM} (${hcmCentre.centre.name.vi}): nothing was copied`);
    expect(await pgCounts(url, HCM)).toEqual(target);
    expect(await pgCounts(url, HN)).toMatchObject({ centres: 0, services: 0, counters: 0 });
  });

  it('rolls a centre back when a table’s count differs after copying (rows of it already in the target)', async () => {
    const { file } = await communeFile('orphan.sqlite');
    const url = await cluster.createDatabase();
    // Migrate the target, then leave a row of hn behind in it (from an earlier, half-removed attempt).
    await (await createPostgresStore({ url, poolSize: 1 })).close();
    await pgRun(
      url,
      `INSERT INTO security_events (id, centre_id, at, kind, subject, username, address, failures, lock_ms) VALUES ('left', $1, 0, 'login_locked', 'user:x', 'x', '::1', 5, 60000)`,
      [HN],
    );

    const run = await migrate('--from', file, '--to', url, '--centre', HN);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `migrate-postgres: centre ${HN}: table security_events has 0 rows in the file but 1 in the target after copying 0: rolled back, nothing of centre ${HN} was kept`,
    );
    // Services and counters (copied before security_events) went with the rollback.
    expect(await pgCounts(url, HN)).toEqual({ ...Object.fromEntries(COPIED.map((t) => [t, 0])), security_events: 1 });
  });

  it('copies a table larger than one batch page by page, every row once', async () => {
    const { file } = await communeFile('pages.sqlite');
    const raw = new Sqlite(file);
    const insert = raw.prepare(
      `INSERT INTO counter_events (id, centre_id, counter_id, seq, at, actor_id, from_status, to_status, staff_id) VALUES (?, ?, 'quay-1', ?, ?, 'lan', 'open', 'paused', 'lan')`,
    );
    // Ids out of insertion order, so the keyset (not rowid order) decides the pages.
    raw.transaction(() => {
      for (let i = 0; i < 2_345; i++) insert.run(`ce-${((i * 7919) % 2_345).toString().padStart(5, '0')}`, HN, i + 1, Date.parse(MORNING) + i);
    })();
    raw.close();
    const url = await cluster.createDatabase();
    const run = await migrate('--from', file, '--to', url, '--centre', HN);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}counter_events +2345 rows$/m);
    expect(await pgCounts(url, HN)).toEqual(sqliteCounts(file, HN));
  });

  it('fails in one line, without the password, on a missing file, an unreachable database or an unknown centre', async () => {
    const { file } = await communeFile('lines.sqlite');
    const missing = await migrate('--from', join(dir.path, 'nope.sqlite'), '--to', cluster.url());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`migrate-postgres: the SQLite file ${join(dir.path, 'nope.sqlite')} does not exist\n`);

    // A port nothing listens on: the cluster's, plus one that is surely closed is not knowable; use port 1.
    const down = await migrate('--from', file, '--to', 'postgres://luot:s3cret-pw@127.0.0.1:1/luot');
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^migrate-postgres: cannot use the PostgreSQL database postgres:\/\/luot@127\.0\.0\.1:1\/luot \(ECONNREFUSED.*\)\n$/);
    expect(down.stdout + down.stderr).not.toContain('s3cret-pw');

    const unknown = await migrate('--from', file, '--to', cluster.url(), '--centre', 'hue');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`migrate-postgres: ${file} holds no centre hue (it holds: hcm, hn)\n`);
  });
});
