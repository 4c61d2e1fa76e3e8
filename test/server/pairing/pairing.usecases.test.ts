import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type CreatedDeviceToken } from '../../../protocol/index.ts';
import { resolveDeviceToken, revokeDeviceToken } from '../../../server/accounts/devices.usecases.ts';
import { pairingKeys } from '../../../server/pairing/pairing-crypto.ts';
import { normalizeCode, PAIRING_TTL_MS } from '../../../server/pairing/pairing.models.ts';
import { createDeviceTokenWithPairing, redeemPairingCode, revokePairingCodes, type PairingDeps } from '../../../server/pairing/pairing.usecases.ts';
import { HCM } from '../../fixtures/centres.ts';
import { makeDeps, type TestDeps } from '../../helpers/deps.ts';

/** Pairing codes on the store (SQLite here; PostgreSQL in the pg project): once, races, expiry, revocation. */
let deps: TestDeps;
let pd: PairingDeps;
const SECRET = 'a session secret of at least thirty-two characters';

beforeEach(async () => {
  deps = await makeDeps();
  pd = { deps, keys: pairingKeys(SECRET) };
});
afterEach(() => deps.store.close());

async function kiosk(kind: 'kiosk' | 'display' | 'rating-screen' | 'bridge' = 'kiosk'): Promise<{ created: CreatedDeviceToken; code: string | null }> {
  const { pairing, ...created } = await createDeviceTokenWithPairing(pd, {
    centreId: HCM,
    createdBy: null,
    kind,
    name: `Máy ${kind}`,
    ...(kind === 'rating-screen' ? { counterId: 'quay-1' } : {}),
  });
  return { created, code: pairing?.code ?? null };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('making a token with its code', () => {
  it('is one transaction: when no code can be made, no token is left either', async () => {
    // A broken random source: every code the same, so the second token's code collides five times.
    const stuck = { ...pd, random: (n: number) => new Uint8Array(n).fill(7) };
    await createDeviceTokenWithPairing(stuck, { centreId: HCM, createdBy: null, kind: 'kiosk', name: 'Máy 1' });
    const second = createDeviceTokenWithPairing(stuck, { centreId: HCM, createdBy: null, kind: 'display', name: 'Máy 2' });
    await expect(second).rejects.toThrow('could not make a unique pairing code');
    expect((await deps.store.listDeviceTokens(HCM)).map((d) => d.name)).toEqual(['Máy 1']);
  });
});

describe('redeeming a pairing code', () => {
  it('hands over the very token made, once; then the code is used', async () => {
    const { created, code } = await kiosk();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    const redeemed = await redeemPairingCode(pd, { code: code!.toLowerCase().replace('-', ' '), kind: 'kiosk' });
    expect(redeemed.token).toBe(created.token);
    expect(redeemed.device).toMatchObject({ id: created.device.id, kind: 'kiosk', name: 'Máy kiosk' });
    expect((await resolveDeviceToken(deps, redeemed.token))?.principal.deviceId).toBe(created.device.id);
    expect(await refusal(redeemPairingCode(pd, { code: code! }))).toBe('pairing.used');
  });

  it('stores neither the code nor the token: a keyed hash, and a seal wiped once used', async () => {
    const { created, code } = await kiosk('display');
    const row = await deps.store.findPairingCode(pairingKeys(SECRET).lookup(normalizeCode(code!)!));
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(created.token.split('.')[1]);
    expect(JSON.stringify(row)).not.toContain(normalizeCode(code!));
    expect(row!.sealedToken).toEqual(expect.any(String));
    await redeemPairingCode(pd, { code: code! });
    const after = await deps.store.findPairingCode(row!.codeHash);
    expect(after).toMatchObject({ sealedToken: null, usedAtMs: deps.clock.now().getTime() });
  });

  it('two devices racing on one code: exactly one gets the token', async () => {
    const { created, code } = await kiosk();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => redeemPairingCode(pd, { code: code! })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ token: string }>).value.token).toBe(created.token);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('pairing.used');
  });

  it('expires after 15 minutes, and the seal of an expired code is wiped by the next creation', async () => {
    const { code } = await kiosk();
    deps.clock.advance(PAIRING_TTL_MS - 1);
    const live = await kiosk();
    deps.clock.advance(1);
    expect(await refusal(redeemPairingCode(pd, { code: code! }))).toBe('pairing.expired');
    const hash = pairingKeys(SECRET).lookup(normalizeCode(code!)!);
    expect((await deps.store.findPairingCode(hash))?.usedAtMs).toBeNull();
    await kiosk();
    expect((await deps.store.findPairingCode(hash))?.sealedToken).toBeNull();
    // The one made a millisecond before the first expired still works.
    expect(await refusal(redeemPairingCode(pd, { code: live.code! }))).toBe('ok');
  });

  it('an admin withdraws an unused code; a used one stays used', async () => {
    const a = await kiosk();
    const b = await kiosk('display');
    await redeemPairingCode(pd, { code: b.code! });
    expect(await revokePairingCodes(pd, HCM, a.created.device.id)).toEqual({ revoked: 1 });
    expect(await revokePairingCodes(pd, HCM, b.created.device.id)).toEqual({ revoked: 0 });
    expect(await refusal(redeemPairingCode(pd, { code: a.code! }))).toBe('pairing.expired');
    expect(await refusal(redeemPairingCode(pd, { code: b.code! }))).toBe('pairing.used');
    expect(await refusal(revokePairingCodes(pd, HCM, 'no-such-device'))).toBe('device_token.not_found');
    expect(await refusal(revokePairingCodes(pd, 'hn', a.created.device.id))).toBe('centre.not_found');
  });

  it('a revoked device token cannot be paired', async () => {
    const { created, code } = await kiosk();
    await revokeDeviceToken(deps, HCM, created.device.id);
    expect(await refusal(redeemPairingCode(pd, { code: code! }))).toBe('pairing.invalid');
  });

  it('refusals change nothing: a wrong kind, a malformed or unknown code, another secret', async () => {
    const { created, code } = await kiosk('rating-screen');
    expect(await refusal(redeemPairingCode(pd, { code: code!, kind: 'kiosk' }))).toBe('pairing.wrong_kind');
    expect(await refusal(redeemPairingCode(pd, { code: 'not a code' }))).toBe('pairing.invalid');
    expect(await refusal(redeemPairingCode(pd, { code: 'ZZZZ-ZZZZ' }))).toBe('pairing.invalid');
    // An instance with another SESSION_SECRET finds no such code.
    expect(await refusal(redeemPairingCode({ deps, keys: pairingKeys(`${SECRET}!`) }, { code: code! }))).toBe('pairing.invalid');
    const redeemed = await redeemPairingCode(pd, { code: code!, kind: 'rating-screen' });
    expect(redeemed).toMatchObject({ token: created.token, device: { counterId: 'quay-1' } });
  });

  it('bridges and integrations get no code (they keep their token in their configuration)', async () => {
    expect((await kiosk('bridge')).code).toBeNull();
  });
});
