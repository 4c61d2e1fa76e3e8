import { describe, expect, it } from 'vitest';
import { createApi } from '../../web-shared/client/api.ts';

/** The admin page's calls: each operation's method, path and body. */
describe('api (admin)', () => {
  it('uses PUT, PATCH and POST as the OpenAPI document says', async () => {
    const seen: string[] = [];
    const api = createApi('', async (url, init) => {
      seen.push(`${init?.method} ${url} ${init?.body ?? ''}`);
      return new Response('{}', { status: 200 });
    });
    await api.putService('demo', 'ho chieu', { name: { vi: 'Hộ chiếu', en: 'Passports' }, numbering: { mode: 'prefix', prefix: 'H', digits: 3 }, sortOrder: 7, active: true });
    await api.putCounter('demo', 'quay-7', { number: 7, serviceIds: ['ho-chieu'], callOrder: 'fifo', weights: {}, active: true });
    await api.getSettings('demo');
    await api.createStaff('demo', { username: 'mai', name: 'Mai', role: 'staff' });
    await api.updateStaff('demo', 'mai', { active: false });
    await api.resetStaffPassword('demo', 'mai');
    expect(seen).toEqual([
      'PUT /api/centres/demo/services/ho%20chieu {"name":{"vi":"Hộ chiếu","en":"Passports"},"numbering":{"mode":"prefix","prefix":"H","digits":3},"sortOrder":7,"active":true}',
      'PUT /api/centres/demo/counters/quay-7 {"number":7,"serviceIds":["ho-chieu"],"callOrder":"fifo","weights":{},"active":true}',
      'GET /api/centres/demo/settings ',
      'POST /api/centres/demo/staff {"username":"mai","name":"Mai","role":"staff"}',
      'PATCH /api/centres/demo/staff/mai {"active":false}',
      'POST /api/centres/demo/staff/mai/reset-password ',
    ]);
  });
});
