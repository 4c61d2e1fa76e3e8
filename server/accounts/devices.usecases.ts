import { AppError, type CreateDeviceTokenBody, type CreatedDeviceToken, type DeviceToken } from '../../protocol/index.ts';
import type { Principal } from './principal.ts';
import { formatDeviceToken, parseDeviceToken, randomSecret, sameHash, sha256 } from './secrets.ts';
import { requireCentre, requireCounter } from '../kernel/require-found.ts';
import type { Deps } from '../kernel/ports.ts';
import type { StoreReads } from '../kernel/store.port.ts';
import type { AccountsStore, DeviceTokenRecord } from './accounts.port.ts';

export type DevicePrincipal = Extract<Principal, { kind: 'device' }>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const deviceTokenView = (r: DeviceTokenRecord): DeviceToken => ({
  id: r.id,
  centreId: r.centreId,
  kind: r.kind,
  name: r.name,
  createdAt: new Date(r.createdAtMs).toISOString(),
  createdBy: r.createdBy,
  revokedAt: iso(r.revokedAtMs),
  lastSeenAt: iso(r.lastSeenAtMs),
  counterId: r.counterId,
});

/**
 * A new token for a kiosk, display, bridge or rating screen (bound to one counter of the centre);
 * the secret is in the answer and nowhere else.
 */
export async function createDeviceToken(
  // The store, or a write transaction of it (the pairing code is made in the same one, pairing.usecases.ts).
  deps: Pick<Deps, 'clock'> & { store: StoreReads & Pick<AccountsStore, 'insertDeviceToken'> },
  input: { centreId: string; createdBy: string | null } & CreateDeviceTokenBody,
): Promise<CreatedDeviceToken> {
  await requireCentre(deps.store, input.centreId);
  if (input.counterId !== undefined) await requireCounter(deps.store, input.centreId, input.counterId);
  // 72 random bits: the id is a name, not a secret, but must not collide or be enumerable.
  const id = randomSecret(9);
  const secret = randomSecret(32);
  const record: DeviceTokenRecord = {
    id,
    centreId: input.centreId,
    kind: input.kind,
    name: input.name,
    secretHash: sha256(secret),
    createdAtMs: deps.clock.now().getTime(),
    createdBy: input.createdBy,
    revokedAtMs: null,
    lastSeenAtMs: null,
    counterId: input.counterId ?? null,
  };
  await deps.store.insertDeviceToken(record);
  return { device: deviceTokenView(record), token: formatDeviceToken(id, secret) };
}

export async function listDeviceTokens(deps: Deps, centreId: string): Promise<DeviceToken[]> {
  await requireCentre(deps.store, centreId);
  return (await deps.store.listDeviceTokens(centreId)).map(deviceTokenView);
}

/** Revokes at once: the next request or socket handshake with it is anonymous. */
export async function revokeDeviceToken(deps: Deps, centreId: string, tokenId: string): Promise<DeviceToken> {
  await requireCentre(deps.store, centreId);
  const existing = await deps.store.getDeviceToken(tokenId);
  if (!existing || existing.centreId !== centreId) {
    throw new AppError('device_token.not_found', `No device token "${tokenId}" in centre "${centreId}".`);
  }
  const at = deps.clock.now().getTime();
  await deps.store.revokeDeviceToken(centreId, tokenId, at);
  return deviceTokenView({ ...existing, revokedAtMs: existing.revokedAtMs ?? at });
}

/** The device behind a bearer token, or null for a malformed, unknown, wrong or revoked one. */
export async function resolveDeviceToken(deps: Deps, token: string): Promise<{ principal: DevicePrincipal; record: DeviceTokenRecord } | null> {
  const parsed = parseDeviceToken(token);
  if (!parsed) return null;
  const record = await deps.store.getDeviceToken(parsed.id);
  if (!record || record.revokedAtMs !== null || !sameHash(sha256(parsed.secret), record.secretHash)) return null;
  const principal: DevicePrincipal = { kind: 'device', centreId: record.centreId, deviceId: record.id, deviceKind: record.kind };
  if (record.counterId !== null) principal.counterId = record.counterId;
  return { principal, record };
}
