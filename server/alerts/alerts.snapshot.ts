import type { AlertView, CentreSettings } from '../../protocol/index.ts';
import type { StoreReads } from '../kernel/store.port.ts';
import { alertView, anyRuleOn } from './alerts.models.ts';

/**
 * What a centre's snapshot carries of its alerts, read in the snapshot's own read transaction so
 * it matches the snapshot's `seq` (alert facts are sequenced). A centre with no rule set has no
 * open alert once its last evaluation ran (switching the rules off clears them), so its snapshot
 * reads nothing more and carries no `alerts`.
 */
export async function snapshotAlerts(reads: Pick<StoreReads, 'openAlerts'>, centreId: string, settings: CentreSettings): Promise<{ alerts?: AlertView[] }> {
  if (!anyRuleOn(settings.alerts)) return {};
  return { alerts: (await reads.openAlerts(centreId)).map(alertView) };
}
