import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlertChangedEventSchema, SnapshotSchema, type AlertView, type CentreSettings } from '../../../protocol/index.ts';
import { alertsForCounter } from '../../../counter-display/console/luot-alerts-logic.ts';
import { applyEvent, applySnapshot, type CentreState } from '../../../web-shared/client/centre-state.ts';
import { fakeClock } from '../../fakes/clock.fake.ts';
import { OFFICER_AT, startTestServer, type TestServer, type Who } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';

/**
 * SLA alerts over the real server (issue #14): thresholds set through the settings API, alerts
 * raised by ticket and counter changes, published on /centre to the consoles, cleared by their
 * cause going away. The server runs on a fake clock so minutes pass at once.
 */
const MIN = 60_000;
const clock = fakeClock(new Date());
let server: TestServer;
const clients: RecordingClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server?.stop());

async function setAlerts(alerts: Partial<CentreSettings['alerts']>) {
  const settings = (await (await server.api('/centres/demo/settings')).json()) as CentreSettings;
  const res = await server.api('/centres/demo/settings', { method: 'PUT', json: { ...settings, alerts: { ...settings.alerts, ...alerts } } });
  expect(res.status).toBe(200);
}
const issue = async (serviceId: string) => {
  const res = await server.api('/centres/demo/tickets', { json: { serviceId } });
  expect(res.status).toBe(200);
  return (await res.json()).ticket;
};
const callNext = async (counterId: string) => {
  const res = await server.api(`/centres/demo/counters/${counterId}/call-next`, { json: {}, as: OFFICER_AT[counterId] });
  expect(res.status).toBe(200);
  return (await res.json()).ticket;
};

/** An officer's console on /centre (the session cookie), folding facts like the page does. */
async function console_(who: Who) {
  const client = centreClient(server.url, { centreId: 'demo' }, { headers: await server.credentials(who) });
  clients.push(client);
  await connect(client.socket);
  await client.waitFor((r) => r.event === 'state:snapshot');
  return {
    client,
    /** The state the console shows: its snapshot and every fact since, through the shared reducer. */
    state(): CentreState {
      let state: CentreState | undefined;
      for (const r of client.received) {
        if (r.event === 'state:snapshot') state = applySnapshot(SnapshotSchema.parse(r.payload));
        else if (!state) continue;
        else if (r.event === 'alert:changed') state = applyEvent(state, 'alert:changed', AlertChangedEventSchema.parse(r.payload)).state;
        else if (typeof r.payload?.seq === 'number' && r.payload.seq > state.seq) state = { ...state, seq: r.payload.seq as number };
      }
      return state!;
    },
    /** What luot-alerts shows on this console for `counterId`. */
    shown(counterId: string): AlertView[] {
      const s = this.state();
      const counter = s.counters.find((v) => v.counter.id === counterId)!.counter;
      return alertsForCounter(s.alerts ?? [], counter);
    },
  };
}
const alertFact = (c: RecordingClient, match: (a: AlertView) => boolean, from = 0) =>
  c.waitFor((r) => r.event === 'alert:changed' && match(r.payload.alert), { from }).then((r) => AlertChangedEventSchema.parse(r.payload));

describe('SLA alerts on the real server', () => {
  it('a wait beyond the threshold raises an alert on the consoles of counters serving the service, and calling the ticket clears it', async () => {
    await server.openCounter('quay-3'); // dat-dai
    await server.openCounter('quay-2'); // tu-phap-ho-tich, lao-dong-xa-hoi
    await setAlerts({ maxWaitMinutes: { default: 0, services: { 'dat-dai': 1 } } });
    const atQuay3 = await console_(OFFICER_AT['quay-3']!);
    const atQuay2 = await console_(OFFICER_AT['quay-2']!);

    const waiting = await issue('dat-dai');
    clock.advance(2 * MIN);
    // Any change (here another ticket) makes the server look again; the 15 s timer would too.
    await issue('tu-phap-ho-tich');
    const raised = await alertFact(atQuay3.client, (a) => a.kind === 'wait');
    expect(raised.alert).toMatchObject({ kind: 'wait', serviceId: 'dat-dai', threshold: 1, value: 2, count: 1, clearedAt: null });
    await alertFact(atQuay2.client, (a) => a.id === raised.alert.id);
    expect(atQuay3.shown('quay-3').map((a) => a.id)).toEqual([raised.alert.id]);
    expect(atQuay2.shown('quay-2')).toEqual([]);

    // A console connecting now gets it in its snapshot.
    const late = await console_(OFFICER_AT['quay-3']!);
    expect(late.shown('quay-3').map((a) => a.id)).toEqual([raised.alert.id]);

    const from = atQuay3.client.received.length;
    expect((await callNext('quay-3')).id).toBe(waiting.id);
    const cleared = await alertFact(atQuay3.client, (a) => a.id === raised.alert.id && a.clearedAt !== null, from);
    expect(cleared.seq).toBeGreaterThan(raised.seq);
    expect(atQuay3.shown('quay-3')).toEqual([]);
    const report = await (await server.api('/centres/demo/reports/alerts', { as: 'ha' })).json();
    expect(report.rows).toContainEqual(expect.objectContaining({ kind: 'wait', serviceId: 'dat-dai', count: 1 }));
    expect(report.active).toEqual([]);
    await setAlerts({ maxWaitMinutes: { default: 0, services: {} } });
  });

  it('a service with no open counter while tickets wait is an alert, cleared when a counter serving it opens', async () => {
    await setAlerts({ noOpenCounterMinutes: 1 });
    const watcher = await console_(OFFICER_AT['quay-2']!);
    await issue('dang-ky-kinh-doanh'); // only quay-5 serves it, and it is closed
    clock.advance(2 * MIN);
    await issue('tu-phap-ho-tich');
    const raised = await alertFact(watcher.client, (a) => a.kind === 'no_open_counter');
    expect(raised.alert).toMatchObject({ serviceId: 'dang-ky-kinh-doanh', threshold: 1, value: 2 });
    // Opening a counter is not a ticket change: the counter's fact makes the server look again.
    await server.openCounter('quay-5');
    const cleared = await alertFact(watcher.client, (a) => a.id === raised.alert.id && a.clearedAt !== null);
    expect(cleared.alert.kind).toBe('no_open_counter');
    await setAlerts({ noOpenCounterMinutes: 0 });
  });

  it('bad alert settings are refused with 400 and change nothing', async () => {
    const before = await (await server.api('/centres/demo/settings')).json();
    const res = await server.api('/centres/demo/settings', { method: 'PUT', json: { ...before, alerts: { ...before.alerts, maxIdleMinutes: -5 } } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('settings.invalid');
    const bad = await server.api('/centres/demo/settings', {
      method: 'PUT',
      json: { ...before, alerts: { ...before.alerts, webhookUrl: 'javascript:alert(1)' } },
    });
    expect(bad.status).toBe(400);
    expect(await (await server.api('/centres/demo/settings')).json()).toEqual(before);
    expect((await server.api('/centres/demo/reports/alerts?from=2026-13-01', { as: 'ha' })).status).toBe(400);
    expect((await server.api('/centres/demo/reports/alerts', { as: 'lan' })).status).toBe(403);
  });
});
