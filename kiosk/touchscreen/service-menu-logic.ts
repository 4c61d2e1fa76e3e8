import type { KioskClosedServices } from '../../protocol/index.ts';

/** How a service's button looks: served now; not served, said on the button; refused; or left off. */
export type ServiceTile = 'open' | 'not_served' | 'refused' | 'hidden';

/**
 * What the kiosk does with a service (issue #15), from its estimate — null exactly when no open
 * counter serves it (server/queue/wait-estimate.ts) — and the centre's `kioskClosedServices`.
 * Before the live figures arrive (`undefined`) every service shows as before: the server still
 * decides at the tap. DOM-free, tested in node.
 */
export function serviceTile(mode: KioskClosedServices, estimate: number | null | undefined): ServiceTile {
  if (estimate !== null) return 'open';
  switch (mode) {
    case 'warn':
      return 'not_served';
    case 'hide':
      return 'hidden';
    case 'refuse':
      return 'refused';
  }
}

/**
 * How the kiosk lays its services out (issue #15: with 13 services the last tiles fell below a
 * portrait screen that cannot be scrolled by touch): columns by the screen's shape and how many
 * there are, as many rows as fit tiles of at least `minTilePx`, and pages beyond that, turned with
 * big buttons. Every service stays reachable and its name legible whatever the number.
 * Large print (`scale` > 1, issue #15): tiles as much taller and the screen as much narrower, so
 * the bigger text gets fewer tiles per page (landscape: 2 columns, not 3) instead of spilling.
 */
export function menuLayout(m: { count: number; portrait: boolean; width: number; height: number; minTilePx: number; gapPx: number; scale?: number }): {
  columns: number;
  perPage: number;
} {
  const scale = Math.max(1, m.scale ?? 1);
  const columns = m.portrait ? (m.count <= 6 ? 1 : 2) : m.width / scale >= 1600 ? 3 : 2;
  const rows = Math.max(1, Math.floor((m.height + m.gapPx) / (m.minTilePx * scale + m.gapPx)));
  return { columns, perPage: Math.max(1, rows * columns) };
}
