import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/compose.ts';
import { loadConfig } from '../../../server/config.ts';
import { RealtimeUnavailable } from '../../../server/realtime/adapter.ts';
import { ADAPTER_APPLICATION_NAME } from '../../../server/realtime/postgres.adapter.ts';
import { findPgBin, startCluster, type PgCluster } from '../../helpers/postgres-cluster.ts';
import { redisInstalled, startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import type { TestServer } from '../../helpers/server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { callNext, increasing, issue, openDisplay, startInstances, until, type Display } from './instances.helpers.ts';

const pgInstalled = findPgBin() !== null;
if (!pgInstalled) {
  const message = 'PostgreSQL is not installed (apt-get install postgresql): the instances-over-Redis tests are SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}
// .ci/run installs redis-server; on a developer's machine without it these tests skip loudly.
const withRedis = redisInstalled();
if (!withRedis) {
  const message = 'redis-server is not installed (apt-get install redis-server): the instances-over-Redis tests are SKIPPED.';
  if (process.env.CI === 'true') throw new Error(`${message} CI=true requires it.`);
  console.warn(`\n*** ${message} ***\n`);
}

describe('REDIS_URL', () => {
  it('a Redis that cannot be reached stops the start, naming REDIS_URL, without a password', async () => {
    const dir = tempDir('luot-server');
    try {
      // A port nobody listens on: the PostgreSQL cluster's helper picks them the same way.
      const config = loadConfig({ PORT: '0', DATA_DIR: dir.path, LOG_LEVEL: 'silent', REDIS_URL: 'redis://:s3cret@127.0.0.1:1' });
      const error = await startServer(config).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RealtimeUnavailable);
      expect((error as RealtimeUnavailable).setting).toBe('REDIS_URL');
      expect((error as Error).message).toMatch(/^the Redis server redis:\/\/127\.0\.0\.1:1 cannot be reached \(.*ECONNREFUSED.*\); check REDIS_URL/);
      expect((error as Error).message).not.toContain('s3cret');
    } finally {
      dir.remove();
    }
  });
});

describe.skipIf(!pgInstalled || !withRedis)('three instances on one PostgreSQL database, broadcasting through Redis', () => {
  let cluster: PgCluster;
  let redis: RedisServer;
  let url: string;
  let A: TestServer, B: TestServer, C: TestServer;
  const displays: Display[] = [];
  beforeAll(async () => {
    [cluster, redis] = await Promise.all([startCluster(), startRedis()]);
    url = await cluster.createDatabase();
    [A, B, C] = (await startInstances(3, { DATABASE_URL: url, REDIS_URL: redis.url })) as [TestServer, TestServer, TestServer];
    await B.openCounter('quay-2');
  }, 60_000);
  afterAll(async () => {
    for (const d of displays.splice(0)) d.close();
    await Promise.all([A, B, C].filter(Boolean).map((s) => s.stop()));
    await redis?.stop();
    await cluster?.stop();
  });
  const display = async (server: TestServer) => {
    const d = await openDisplay(server.url);
    displays.push(d);
    return d;
  };

  it('Redis takes precedence over PostgreSQL: no LISTEN connection', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = '${ADAPTER_APPLICATION_NAME}'`);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('a display on C gets the kiosk’s ticket issued on A and its call made on B, in centre order', async () => {
    const d = await display(C);
    const start = d.client.state!.seq;
    const ticket = await issue(A, 'lao-dong-xa-hoi');
    const called = await callNext(B, 'quay-2');
    expect(called.id).toBe(ticket.id);
    await until(() => d.facts.length >= 2, 'both facts on C');
    expect(d.facts).toEqual([
      { event: 'ticket:issued', seq: start + 1, ticketId: ticket.id },
      { event: 'ticket:called', seq: start + 2, ticketId: ticket.id },
    ]);
  });

  it('a burst of 30 issues over A and B reaches C whole, each sender’s facts in its order', async () => {
    const d = await display(C);
    const start = d.client.state!.seq;
    const by = new Map<string, 'A' | 'B'>();
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const t = await issue(i % 2 ? A : B, 'tu-phap-ho-tich', 'admin');
        by.set(t.id, i % 2 ? 'A' : 'B');
      }),
    );
    await until(() => d.facts.length >= 30, '30 facts on C');
    const seqs = d.facts.map((f) => f.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => start + 1 + i));
    for (const sender of ['A', 'B'] as const) expect(increasing(d.facts.filter((f) => by.get(f.ticketId!) === sender).map((f) => f.seq))).toBe(true);
    if (!increasing(seqs)) expect(d.snapshotRequests()).toBeGreaterThan(0);
    await until(() => d.client.state!.seq === start + 30, 'the display at the last fact');
  });
});
