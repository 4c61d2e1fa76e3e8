/**
 * The admin page's decisions, out of the elements so they are tested in node.
 */
import type { DeviceKind, DeviceToken } from '../protocol/auth.schemas.ts';

/** The page a device of this kind opens; bridges have none (their token goes in their config). */
export const pagePathOf: Record<DeviceKind, string | null> = {
  kiosk: '/kiosk',
  display: '/display',
  bridge: null,
  'rating-screen': '/rate',
  integration: null,
};

/**
 * The address that pairs a kiosk, display or rating screen when opened once on it
 * (web-shared/client/session.ts); a rating screen's page is its counter's, `/rate/<counter id>`.
 */
export function pairingUrl(origin: string, kind: DeviceKind, token: string, counterId: string | null = null): string | null {
  const path = pagePathOf[kind];
  if (!path || (kind === 'rating-screen' && !counterId)) return null;
  const page = kind === 'rating-screen' ? `${path}/${encodeURIComponent(counterId!)}` : path;
  return `${origin}${page}?pair=${encodeURIComponent(token)}`;
}

/** Live tokens first (newest first), then revoked ones. */
export function sortDevices(devices: readonly DeviceToken[]): DeviceToken[] {
  const live = devices.filter((d) => d.revokedAt === null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const revoked = devices.filter((d) => d.revokedAt !== null).sort((a, b) => b.revokedAt!.localeCompare(a.revokedAt!));
  return [...live, ...revoked];
}
