/**
 * getTicketHistory over the real server (issue #14): a demo ticket issued at the kiosk and
 * printed by the demo bridge, reprinted, granted priority, called, recalled, served, transferred,
 * called at another counter, finished and rated on that counter's rating screen; who may read it;
 * what is not found; and the ticket log's CSV and XLSX exports carrying the history.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import { startDemoBridge } from '../../../firmware-bridge/demo.ts';
import type { IssuedTicket, PrintJobView } from '../../../protocol/index.ts';
import { TicketHistorySchema, type TicketHistory } from '../../../protocol/ticket-history.schemas.ts';
import { hashPassword } from '../../../server/accounts/password.ts';
import { installCentre } from '../../../server/centres/setup.usecases.ts';
import { DEMO_TOKENS, demoRatingScreenToken } from '../../../server/demo/demo-accounts.ts';
import { issueTicket } from '../../../server/tickets/tickets.usecases.ts';
import { hcmCentre } from '../../fixtures/centres.ts';
import { loginHeaders } from '../../helpers/credentials.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

let server: TestServer;
let bridge: RunningBridge;
let ticket: IssuedTicket['ticket'];
let otherCentreTicketId: string;

async function printed(jobId: string, as: 'kiosk' | 'lan'): Promise<PrintJobView> {
  const end = Date.now() + 10_000;
  for (;;) {
    const job: PrintJobView = await (await server.api(`/print-jobs/${jobId}`, { as })).json();
    if (job.status === 'printed') return job;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function ok(res: Promise<Response>, what: string): Promise<any> {
  const r = await res;
  const text = await r.text();
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const history = (id: string, as: Parameters<TestServer['api']>[1] = {}) => server.api(`/centres/demo/tickets/${id}/history`, { as: 'manager', ...as });

beforeAll(async () => {
  server = await startTestServer();
  bridge = await startDemoBridge({ serverUrl: server.url, token: DEMO_TOKENS.bridge, dataDir: server.config.DATA_DIR, logLevel: 'silent' });
  await bridge.link.welcomed();

  const issued: IssuedTicket = await ok(server.api('/centres/demo/tickets', { json: { serviceId: 'tu-phap-ho-tich' }, as: 'kiosk' }), 'issue');
  ticket = issued.ticket;
  await printed(issued.printJob!.id, 'kiosk');
  const reprint: PrintJobView = await ok(server.api(`/centres/demo/tickets/${ticket.id}/reprint`, { json: {}, as: 'lan' }), 'reprint');
  await printed(reprint.id, 'lan');
  await ok(
    server.api('/centres/demo/grant-priority', {
      json: { ticketId: ticket.id, priorityGroupId: 'nguoi-cao-tuoi', reason: 'Cụ ông 82 tuổi, đi xe lăn' },
      as: 'lan',
    }),
    'grant',
  );
  await server.openCounter('quay-1');
  const at = (counter: string, action: string, body: object = {}) =>
    ok(server.api(`/centres/demo/counters/${counter}/${action}`, { json: body, as: counter === 'quay-1' ? 'lan' : 'tuan' }), `${counter} ${action}`);
  expect((await at('quay-1', 'call', { ticketId: ticket.id })).ticket.id).toBe(ticket.id);
  await at('quay-1', 'recall');
  await at('quay-1', 'start-serving');
  await at('quay-1', 'transfer', { toServiceId: 'dat-dai', toCounterId: 'quay-3' });
  await server.openCounter('quay-3');
  await at('quay-3', 'call', { ticketId: ticket.id });
  await at('quay-3', 'start-serving');
  await at('quay-3', 'finish');
  const press = await ok(
    fetch(`${server.url}/api/centres/demo/ratings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demoRatingScreenToken('quay-3')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ counterId: 'quay-3', level: 1, idempotencyKey: 'ticket-history-int-1' }),
    }),
    'rate',
  );
  expect(press.outcome).toBe('accepted');

  await installCentre(server.deps.store, hcmCentre);
  otherCentreTicketId = (await issueTicket(server.deps, { centreId: 'hcm', serviceId: 'ho-tich' })).ticket.id;
}, 60_000);
afterAll(async () => {
  await bridge?.stop();
  await server?.stop();
});

describe('getTicketHistory', () => {
  it("tells the ticket's whole story, oldest first, with who, where and why", async () => {
    const h: TicketHistory = TicketHistorySchema.parse(await ok(history(ticket.id), 'history'));
    expect(h.ticket).toMatchObject({
      id: ticket.id,
      number: ticket.number,
      state: 'done',
      issuedService: { id: 'tu-phap-ho-tich' },
      service: { id: 'dat-dai' },
    });
    expect(h.entries.map((e) => e.kind)).toEqual([
      'issued',
      'print_created',
      'print_claimed',
      'print_printed',
      'print_created',
      'print_claimed',
      'print_printed',
      'priority_granted',
      'called',
      'recalled',
      'serving',
      'transferred',
      'called',
      'serving',
      'finished',
      'rated',
    ]);
    const byKind = (kind: string, n = 0) => h.entries.filter((e) => e.kind === kind)[n]!;
    expect(byKind('issued')).toMatchObject({ actor: { kind: 'kiosk', id: 'demo-kiosk', name: 'Kiosk sảnh chính (demo)' }, toState: 'waiting' });
    expect(byKind('print_created', 1)).toMatchObject({
      actor: { kind: 'staff', id: 'lan', name: 'Nguyễn Thị Lan', username: 'lan' },
      print: { reprint: true, status: 'printed' },
    });
    expect(byKind('priority_granted')).toMatchObject({
      actor: { id: 'lan' },
      priority: { group: { id: 'nguoi-cao-tuoi', name: { vi: 'Người cao tuổi' } }, reason: 'Cụ ông 82 tuổi, đi xe lăn' },
    });
    expect(byKind('called')).toMatchObject({ fromState: 'waiting', toState: 'called', counter: { id: 'quay-1', number: 1 }, actor: { username: 'lan' } });
    expect(byKind('recalled')).toMatchObject({ recall: { count: 1 }, counter: { number: 1 } });
    expect(byKind('transferred')).toMatchObject({
      fromState: 'serving',
      toState: 'waiting',
      transfer: { from: { id: 'tu-phap-ho-tich' }, to: { id: 'dat-dai' }, toCounter: { id: 'quay-3', number: 3 } },
    });
    expect(byKind('called', 1)).toMatchObject({ counter: { number: 3 }, actor: { id: 'tuan', name: 'Lê Minh Tuấn' }, calledByNumber: true });
    expect(byKind('finished')).toMatchObject({ fromState: 'serving', toState: 'done', counter: { number: 3 } });
    expect(byKind('rated')).toMatchObject({ counter: { number: 3 }, rating: { level: 1, source: 'screen', grade: 'very_satisfied' } });
    const times = h.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('is for those who read reports (managers, admins; province roles: role-matrix.int.test.ts), not officers, devices or another centre', async () => {
    expect((await history(ticket.id, { as: 'admin' })).status).toBe(200);
    for (const who of ['staff', 'lan', 'kiosk', 'display', 'rating-screen'] as const) {
      const res = await history(ticket.id, { as: who });
      expect(res.status, who).toBe(403);
      expect((await res.json()).error.code).toBe('auth.forbidden');
    }
    expect((await history(ticket.id, { as: 'anonymous' })).status).toBe(401);

    // A manager of another centre may not read the demo centre's tickets…
    await server.deps.store.runInTx({ centreId: 'hcm' }, (tx) => tx.upsertStaff({ id: 'hcm-boss', centreId: 'hcm', name: 'Quản lý HCM' }));
    await server.deps.store.setAccount('hcm', 'hcm-boss', {
      username: 'hcm-boss',
      passwordHash: await hashPassword('hcm-boss-password'),
      role: 'manager',
      active: true,
      mustChangePassword: false,
    });
    const hcmManager = await loginHeaders(server.url, 'hcm-boss', 'hcm-boss-password');
    const res = await fetch(`${server.url}/api/centres/demo/tickets/${ticket.id}/history`, { headers: hcmManager });
    expect(res.status).toBe(403);
    // …but reads its own.
    expect((await fetch(`${server.url}/api/centres/hcm/tickets/${otherCentreTicketId}/history`, { headers: hcmManager })).status).toBe(200);
  });

  it('answers 404 for an unknown ticket, and for another centre’s ticket alike (nothing leaks)', async () => {
    const unknown = await history('no-such-ticket');
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    expect(unknownBody.error.code).toBe('ticket.not_found');
    // The hcm ticket exists, but not in the demo centre: the same answer as an unknown id.
    const foreign = await history(otherCentreTicketId, { as: 'admin' });
    expect(foreign.status).toBe(404);
    const foreignBody = await foreign.json();
    expect(foreignBody.error.code).toBe('ticket.not_found');
    expect(JSON.stringify(foreignBody)).not.toContain('hcm');
    expect(JSON.stringify(foreignBody)).not.toContain('ho-tich');
    expect((await history('bad id!')).status).toBe(400);
    expect((await server.api(`/centres/nowhere/tickets/${ticket.id}/history`, { as: 'admin' })).status).toBe(403);
  });
});

describe('the ticket log export', () => {
  it('CSV: a last column "Lịch sử" with the history on one line', async () => {
    const res = await server.api('/centres/demo/reports/tickets?format=csv&lang=vi', { as: 'manager' });
    expect(res.status).toBe(200);
    const rows = parseCsv((await res.text()).slice(1));
    expect(rows[0]!.at(-1)).toBe('Lịch sử');
    const row = rows.find((r) => r[0] === ticket.number)!;
    const line = row.at(-1)!;
    expect(line.split(' | ')).toHaveLength(16);
    expect(line).toMatch(/^\d\d:\d\d:\d\d Lấy số: kiosk Kiosk sảnh chính \(demo\) \| /);
    expect(line).toContain('Cấp ưu tiên: Nguyễn Thị Lan (lan), Người cao tuổi, lý do: Cụ ông 82 tuổi, đi xe lăn');
    expect(line).toContain('Gọi lại: quầy 1, Nguyễn Thị Lan (lan), lần 1');
    expect(line).toContain('Chuyển: quầy 1, Nguyễn Thị Lan (lan), Tư pháp – Hộ tịch → Đất đai, quầy 3');
    expect(line).toContain('Tạo lệnh in: Nguyễn Thị Lan (lan), in lại');
    expect(line).toMatch(/Đánh giá: quầy 3, Rất hài lòng \(1\/\d, màn hình\)$/);
    const en = parseCsv((await (await server.api('/centres/demo/reports/tickets?format=csv&lang=en', { as: 'manager' })).text()).slice(1));
    expect(en[0]!.at(-1)).toBe('History');
    expect(en.find((r) => r[0] === ticket.number)!.at(-1)).toContain('Transferred: counter 1, Nguyễn Thị Lan (lan)');
  });

  it('XLSX: a second sheet "Lịch sử", one row per entry', async () => {
    const res = await server.api('/centres/demo/reports/tickets?format=xlsx&lang=vi', { as: 'manager' });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Nhật ký phiếu', 'Lịch sử']);
    const sheet = wb.worksheets[1]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Số',
      'Ngày',
      'Thời điểm',
      'Sự kiện',
      'Từ trạng thái',
      'Đến trạng thái',
      'Người thực hiện',
      'Quầy',
      'Chi tiết',
    ]);
    const mine: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === ticket.number) mine.push((row.values as unknown[]).slice(1));
    });
    expect(mine.map((r) => r[3])).toEqual([
      'Lấy số',
      'Tạo lệnh in',
      'Máy in nhận lệnh',
      'Đã in',
      'Tạo lệnh in',
      'Máy in nhận lệnh',
      'Đã in',
      'Cấp ưu tiên',
      'Gọi số',
      'Gọi lại',
      'Bắt đầu phục vụ',
      'Chuyển',
      'Gọi số',
      'Bắt đầu phục vụ',
      'Hoàn thành',
      'Đánh giá',
    ]);
    const transfer = mine[11]!;
    expect(transfer.slice(4)).toEqual(['Đang phục vụ', 'Đang chờ', 'Nguyễn Thị Lan (lan)', 'quầy 1', 'Tư pháp – Hộ tịch → Đất đai, quầy 3']);
    expect(transfer[2]).toBeInstanceOf(Date);
  });
});
