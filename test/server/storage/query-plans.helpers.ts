import BetterSqlite3 from 'better-sqlite3';
import { HCM } from '../../fixtures/centres.ts';

/** A statement the store ran, with the parameters it ran with. */
export interface Recorded {
  sql: string;
  parameters: readonly unknown[];
}

/** The hot path's statements, by operation; transaction control and pragmas are not queries. */
export function queriesOf(recorded: readonly Recorded[]): Recorded[] {
  const seen = new Map<string, Recorded>();
  for (const r of recorded) {
    if (/^\s*(begin|commit|rollback|pragma|savepoint|release)\b/i.test(r.sql)) continue;
    if (!seen.has(r.sql)) seen.set(r.sql, r);
  }
  return [...seen.values()];
}

/** Tables that grow with history: more rows than any configuration table will ever hold. */
export function historyTables(db: BetterSqlite3.Database, atLeast = 5_000): Set<string> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  return new Set(tables.filter((t) => (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n >= atLeast).map((t) => t.name));
}

/**
 * What is wrong with a hot-path query's plan, if anything:
 * - a SCAN of a history table (every row of it),
 * - a SEARCH of a history table bounded by nothing but the centre (all of the centre's history),
 * - a range over business days (`business_day<?`: every day before today),
 * - a temporary B-tree over rows of a history table (a sort or grouping the index did not give,
 *   e.g. of every waiting ticket).
 */
export function planProblems(db: BetterSqlite3.Database, history: Set<string>, query: Recorded): string[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[];
  const problems: string[] = [];
  // A sort of configuration rows (a centre's services or counters) is bounded; of history rows, not.
  const readsHistory = plan.some(({ detail }) => [...history].some((t) => new RegExp(`^(SCAN|SEARCH) ${t}\\b`).test(detail)));
  for (const { detail } of plan) {
    const scan = /^SCAN (\w+)/.exec(detail);
    if (scan && history.has(scan[1]!)) problems.push(`history scan: ${detail}`);
    const search = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((.*)\)/.exec(detail);
    if (search && history.has(search[1]!)) {
      const bounds = search[2]!;
      if (/^centre_id=\?$/.test(bounds)) problems.push(`whole centre's history: ${detail}`);
      if (/business_day[<>]/.test(bounds)) problems.push(`range over days (history scan): ${detail}`);
    }
    if (readsHistory && /USE TEMP B-TREE/.test(detail)) problems.push(`temp B-tree: ${detail}`);
  }
  return problems;
}

const DAY_MS = 86_400_000;

/**
 * History written straight into the tables, like a centre's years: `days` days before `before`
 * of finished tickets (a few no-shows and priority tickets) with the audit events of their calls.
 */
export function seedHistoryRows(dbFile: string, opts: { days: number; perDay: number; before: string }): number {
  const db = new BetterSqlite3(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const ticket = db.prepare(`INSERT INTO tickets (id, centre_id, service_id, queue_service_id, business_day, seq, number, state,
    issued_at, called_at, serving_at, finished_at, counter_id, staff_id, priority_group_id, recall_count, target_counter_id,
    first_called_at, first_counter_id, first_staff_id, first_service_id, transfer_count, is_priority)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, NULL, ?, 0, ?)`);
  const event = db.prepare(`INSERT INTO ticket_events (id, centre_id, ticket_id, seq, at, actor_kind, actor_id, from_state, to_state, counter_id, service_id)
    VALUES (?, ?, ?, ?, ?, 'staff', 'lan', 'waiting', 'called', ?, ?)`);
  const services = ['ho-tich', 'dat-dai'];
  const counters = ['quay-1', 'quay-2', 'quay-4'];
  const start = Date.parse(`${opts.before}T08:00:00+07:00`) - opts.days * DAY_MS;
  let n = 0;
  let eventSeq = 0;
  db.transaction(() => {
    for (let d = 0; d < opts.days; d++) {
      const dayStart = start + d * DAY_MS;
      const day = new Date(dayStart + 7 * 3_600_000).toISOString().slice(0, 10);
      for (let i = 0; i < opts.perDay; i++) {
        const service = services[i % 2]!;
        const counter = counters[i % 3]!;
        const issued = dayStart + i * 9_000;
        const called = issued + 600_000;
        const id = `h-${d}-${i}`;
        const priority = i % 17 === 0 ? 'nguoi-cao-tuoi' : null;
        const state = i % 23 === 0 ? 'no_show' : 'done';
        ticket.run(
          id,
          HCM,
          service,
          service,
          day,
          i + 1,
          `H${i + 1}`,
          state,
          issued,
          called,
          called + 60_000,
          called + 420_000,
          counter,
          'lan',
          priority,
          called,
          counter,
          service,
          priority === null ? 0 : 1,
        );
        event.run(`e-${d}-${i}`, HCM, id, ++eventSeq, called, counter, service);
        n++;
      }
    }
  })();
  db.close();
  return n;
}
