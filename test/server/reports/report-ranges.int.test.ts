import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

/**
 * Report ranges on every report route (issue #10): no 500 for far years, `from` alone runs to
 * today, years outside 2000–2100, backwards and too long ranges answer 400 with a message.
 */
const NOW = new Date('2026-03-17T10:00:00+07:00');
const TODAY = '2026-03-17';
const REPORTS = ['time-summary', 'busiest-hours', 'rating-summary', 'tickets'] as const;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => NOW } });
});
afterAll(() => server?.stop());

const get = (report: string, query: string) => server.api(`/centres/demo/reports/${report}?${query}`, { as: 'manager' });

describe('report ranges', () => {
  it.each(REPORTS)('%s: refuses far, impossible, backwards and too long ranges with 400 (json and csv)', async (report) => {
    const bad = [
      'to=9999-12-31',
      'from=0001-01-01',
      'from=0001-01-01&to=2026-01-01',
      'from=1999-12-31&to=2000-01-10',
      'to=2101-01-01',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-13-01',
      'to=2026-12-32',
      'from=2026-03-02&to=2026-03-01',
      'from=2026-04-01',
      'from=2020-01-01&to=2026-01-01',
    ];
    for (const query of bad) {
      for (const format of ['', '&format=csv']) {
        const res = await get(report, query + format);
        expect(res.status, `${report}?${query}${format}`).toBe(400);
        const body = await res.json();
        expect(body.error.code).toBe('request.invalid_payload');
        expect(body.error.message).toMatch(/^(from|to)/);
      }
    }
  });

  it.each(REPORTS)('%s: `from` alone runs to today; the bounds themselves are fine', async (report) => {
    const res = await get(report, 'from=2026-03-01');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ from: '2026-03-01', to: TODAY });
    const first = await get(report, 'from=2000-01-01&to=2000-01-31&format=csv');
    expect(first.status).toBe(200);
    const last = await get(report, 'from=2100-12-01&to=2100-12-31');
    expect(last.status).toBe(200);
  });

  it('the ticket log covers at most 366 days; the summaries up to 1096', async () => {
    const year = await get('tickets', 'from=2024-01-01&to=2024-12-31');
    expect(year.status).toBe(200);
    const more = await get('tickets', 'from=2024-01-01&to=2025-01-01');
    expect(more.status).toBe(400);
    expect((await more.json()).error.message).toBe('from: a range covers at most 366 days');
    const summary = await get('time-summary', 'from=2023-01-01&to=2025-12-31');
    expect(summary.status).toBe(200);
  });
});
