import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../protocol/settings.schemas.ts';
import { createApi } from '../../../web-shared/client/api.ts';
import { counters, services } from './centre.fixtures.ts';

const account = { centreId: 'demo', staffId: 'mai', name: 'Mai', username: 'mai', role: 'staff', active: true, mustChangePassword: false };

/** A schema-valid answer for each admin call (the client checks every answer). */
function answer(url: string): unknown {
  if (url.includes('/services/')) return services[0];
  if (url.includes('/counters/')) return counters[0];
  if (url.endsWith('/settings')) return defaultSettings();
  if (url.endsWith('/staff') || url.endsWith('/reset-password')) return { account, oneTimePassword: 'abcd-efgh' };
  return account;
}

/** The admin page's calls: each operation's method, path and body. */
describe('api (admin)', () => {
  it('uses PUT, PATCH and POST as the OpenAPI document says', async () => {
    const seen: string[] = [];
    const api = createApi('', async (url, init) => {
      seen.push(`${init?.method} ${url} ${init?.body ?? ''}`);
      return new Response(JSON.stringify(answer(url)), { status: 200 });
    });
    await api.putService('demo', 'ho chieu', {
      name: { vi: 'Hộ chiếu', en: 'Passports' },
      numbering: { mode: 'prefix', prefix: 'H', digits: 3 },
      sortOrder: 7,
      active: true,
    });
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
