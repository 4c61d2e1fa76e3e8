import { randomBytes } from 'node:crypto';
import { AppError, type CreatedDeviceToken, type PairingCode, type RedeemedPairing, type DeviceKind } from '../../protocol/index.ts';
import { createDeviceToken, deviceTokenView } from '../accounts/devices.usecases.ts';
import type { PairingStore } from './pairing.port.ts';
import { requireCentre } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import type { PairingKeys } from './pairing-crypto.ts';
import { codeFromBytes, formatCode, isPairableKind, normalizeCode, PAIRING_CODE_LENGTH, PAIRING_TTL_MS, pairingState } from './pairing.models.ts';

/** Randomness of the codes and row ids: crypto by default, fixed in tests. */
export type RandomBytes = (n: number) => Uint8Array;

export interface PairingDeps {
  deps: Deps;
  keys: PairingKeys;
  random?: RandomBytes;
}

function newCode(random: RandomBytes): string {
  // 2 × the length: with 8/256 rejected per byte, 16 bytes hardly ever run out; loop if they do.
  for (;;) {
    const code = codeFromBytes(random(PAIRING_CODE_LENGTH * 2));
    if (code) return code;
  }
}

/**
 * The pairing code of a token just made (createDeviceToken): for a kiosk, display or rating
 * screen only; null for a bridge or an integration. The token is stored sealed under the code.
 */
export async function createPairingCode(
  pd: PairingDeps,
  created: CreatedDeviceToken,
  store: Pick<PairingStore, 'insertPairingCode'> = pd.deps.store,
): Promise<PairingCode | null> {
  if (!isPairableKind(created.device.kind)) return null;
  const random = pd.random ?? randomBytes;
  const now = pd.deps.clock.now().getTime();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCode(random);
    const inserted = await store.insertPairingCode({
      id: Buffer.from(random(12)).toString('base64url'),
      centreId: created.device.centreId,
      deviceId: created.device.id,
      codeHash: pd.keys.lookup(code),
      sealedToken: pd.keys.seal(code, created.token),
      createdAtMs: now,
      expiresAtMs: now + PAIRING_TTL_MS,
      usedAtMs: null,
      revokedAtMs: null,
    });
    if (inserted) return { code: formatCode(code), expiresAt: new Date(now + PAIRING_TTL_MS).toISOString() };
  }
  // 5 collisions in a space of 8.5 × 10^11: the random source is broken.
  throw new Error('could not make a unique pairing code');
}

/**
 * The admin's "make a device token": the token and, for a kiosk, display or rating screen, its
 * pairing code, in one write transaction — neither exists without the other. Before it, seals of
 * expired codes (any centre's) are wiped: housekeeping on the admin's path.
 */
export async function createDeviceTokenWithPairing(
  pd: PairingDeps,
  input: Parameters<typeof createDeviceToken>[1],
): Promise<CreatedDeviceToken & { pairing?: PairingCode }> {
  await pd.deps.store.wipeExpiredPairingSeals(pd.deps.clock.now().getTime());
  return pd.deps.store.runInTx({ centreId: input.centreId }, async (tx) => {
    const created = await createDeviceToken({ clock: pd.deps.clock, store: tx }, input);
    const pairing = await createPairingCode(pd, created, tx);
    return pairing ? { ...created, pairing } : created;
  });
}

/**
 * Exchanges a code for its device token, once. Refusals change nothing: pairing.invalid (no such
 * code, or its device was revoked), pairing.expired (past its 15 minutes, or revoked by an admin),
 * pairing.used, pairing.wrong_kind (the page is not the kind the code was made for; the code
 * stays usable).
 */
export async function redeemPairingCode(pd: PairingDeps, input: { code: string; kind?: DeviceKind }): Promise<RedeemedPairing> {
  const { store, clock } = pd.deps;
  const code = normalizeCode(input.code);
  if (code === null) throw new AppError('pairing.invalid', 'Not a pairing code: 8 letters and digits, as shown on the admin page.');
  const record = await store.findPairingCode(pd.keys.lookup(code));
  if (!record) throw new AppError('pairing.invalid', 'No such pairing code.');
  const now = clock.now().getTime();
  const state = pairingState(record, now);
  if (state === 'used') throw new AppError('pairing.used', 'This pairing code has already been used; ask the admin for a new token.');
  if (state !== 'live') throw new AppError('pairing.expired', 'This pairing code has expired; ask the admin for a new token.');
  const device = await store.getDeviceToken(record.deviceId);
  if (!device || device.revokedAtMs !== null) throw new AppError('pairing.invalid', 'The device of this pairing code was revoked.');
  if (input.kind !== undefined && input.kind !== device.kind) {
    throw new AppError('pairing.wrong_kind', `This pairing code is for a ${device.kind}, not a ${input.kind}.`);
  }
  const token = record.sealedToken === null ? null : pd.keys.unseal(code, record.sealedToken);
  // A seal that does not open: another SESSION_SECRET made it (instances must share one).
  if (token === null) throw new AppError('pairing.invalid', 'This pairing code cannot be opened here.');
  // The one conditional UPDATE decides: of two devices racing, exactly one gets true.
  if (!(await store.claimPairingCode(record.id, now))) {
    throw new AppError('pairing.used', 'This pairing code has already been used; ask the admin for a new token.');
  }
  return { token, device: deviceTokenView(device) };
}

/** An admin withdraws a device's unused codes (the token itself stays; revoke it apart). */
export async function revokePairingCodes(pd: PairingDeps, centreId: string, deviceId: string): Promise<{ revoked: number }> {
  await requireCentre(pd.deps.store, centreId);
  const device = await pd.deps.store.getDeviceToken(deviceId);
  if (!device || device.centreId !== centreId) {
    throw new AppError('device_token.not_found', `No device token "${deviceId}" in centre "${centreId}".`);
  }
  return { revoked: await pd.deps.store.revokePairingCodes(centreId, deviceId, pd.deps.clock.now().getTime()) };
}
