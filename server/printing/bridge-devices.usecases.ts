import type { BridgeHeartbeat, BridgeHello, BridgeWelcome, DeviceStatusReport, DeviceView } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';
import { deliverPending } from './print-jobs.usecases.ts';
import type { BridgeRef, PrintDeps } from './printing.deps.ts';
import type { DeviceRecord } from './printing.port.ts';

/**
 * Bridges and their devices (printers now, rating keypads with issue #5): what each bridge
 * announced, how each device was when last heard of, and which kiosk each printer serves. The
 * printer → kiosk assignment lives in the bridge's config file and arrives with its hello, so
 * moving a printer to another kiosk is a change on the PC it is plugged into.
 */

export const deviceView = (r: DeviceRecord): DeviceView => ({
  centreId: r.centreId,
  bridgeId: r.bridgeId,
  deviceId: r.deviceId,
  kind: r.kind,
  kioskId: r.kioskId,
  status: r.status,
  detail: r.detail,
  connected: r.connected,
  lastSeenAt: new Date(r.lastSeenAtMs).toISOString(),
});

export async function listDevices(deps: Deps, centreId: string): Promise<DeviceView[]> {
  return (await deps.store.listDevices(centreId)).map(deviceView);
}

async function publishBridge(pd: PrintDeps, bridge: BridgeRef, only?: Set<string>): Promise<void> {
  for (const d of await pd.store.listDevices(bridge.centreId)) {
    if (d.bridgeId === bridge.bridgeId && (!only || only.has(d.deviceId))) pd.printNotifier.deviceUpdated(deviceView(d));
  }
}

/**
 * A bridge (re)connected and listed its devices: they replace what it announced before. Jobs
 * still waiting for its printers are delivered after the answer (`afterWelcome`).
 */
export async function bridgeHello(pd: PrintDeps, bridge: BridgeRef, hello: BridgeHello): Promise<{ welcome: BridgeWelcome; afterWelcome(): Promise<void> }> {
  const at = pd.clock.now().getTime();
  const devices: DeviceRecord[] = hello.devices.map((d) => ({
    centreId: bridge.centreId,
    bridgeId: bridge.bridgeId,
    deviceId: d.id,
    kind: d.kind,
    kioskId: d.kind === 'printer' ? d.kioskId : null,
    status: d.status,
    detail: d.detail ?? null,
    connected: true,
    lastSeenAtMs: at,
  }));
  const others = (await pd.store.listDevices(bridge.centreId)).filter((d) => d.bridgeId !== bridge.bridgeId && d.kind === 'printer');
  for (const d of devices) {
    const rival = others.find((o) => d.kioskId !== null && o.kioskId === d.kioskId);
    // Two printers for one kiosk: the most recently seen wins (printerForKiosk); worth a line in the log.
    if (rival) pd.log.warn(`kiosk ${d.kioskId}: printer ${bridge.bridgeId}/${d.deviceId} replaces ${rival.bridgeId}/${rival.deviceId}`);
  }
  await pd.store.runInTx({ centreId: bridge.centreId }, (tx) => tx.replaceBridgeDevices(bridge.centreId, bridge.bridgeId, devices));
  pd.log.info(`bridge ${bridge.bridgeId} (v${hello.bridgeVersion}) connected with ${devices.length} device(s)`);
  await publishBridge(pd, bridge);
  return {
    welcome: { heartbeatMs: pd.heartbeatMs, devices: devices.length },
    afterWelcome: () => deliverPending(pd, bridge),
  };
}

/** One device's status changed; told to the centre when it really did. */
export async function deviceStatusReported(pd: PrintDeps, bridge: BridgeRef, report: DeviceStatusReport): Promise<void> {
  await heartbeat(pd, bridge, { devices: [report] });
}

/** The bridge is alive; every device's status, stored with the time it was heard of. */
export async function heartbeat(pd: PrintDeps, bridge: BridgeRef, beat: BridgeHeartbeat): Promise<void> {
  const at = pd.clock.now().getTime();
  const before = new Map((await pd.store.listDevices(bridge.centreId)).filter((d) => d.bridgeId === bridge.bridgeId).map((d) => [d.deviceId, d]));
  const changed = new Set<string>();
  await pd.store.runInTx({ centreId: bridge.centreId }, async (tx) => {
    for (const r of beat.devices) {
      const old = before.get(r.deviceId);
      if (!old) continue; // not announced in its hello: ignored (a bridge restarting with a new config says hello first)
      await tx.updateDeviceStatus(bridge.centreId, bridge.bridgeId, r.deviceId, r.status, r.detail ?? null, at);
      if (old.status !== r.status || old.detail !== (r.detail ?? null) || !old.connected) changed.add(r.deviceId);
    }
  });
  for (const id of changed) {
    const r = beat.devices.find((d) => d.deviceId === id)!;
    if (r.status !== 'ok') pd.log.warn(`device ${bridge.bridgeId}/${id}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
  }
  if (changed.size > 0) await publishBridge(pd, bridge, changed);
}

/** The bridge's connection ended: its devices read offline until it says hello again. */
export async function bridgeDisconnected(pd: PrintDeps, bridge: BridgeRef, reason: string): Promise<void> {
  await pd.store.runInTx({ centreId: bridge.centreId }, (tx) => tx.setBridgeConnected(bridge.centreId, bridge.bridgeId, false, pd.clock.now().getTime()));
  pd.log.warn(`bridge ${bridge.bridgeId} disconnected (${reason})`);
  await publishBridge(pd, bridge);
}

/**
 * How long a connected bridge may go unheard of before it reads disconnected, in heartbeats: its
 * connection may have died with another server instance (a crash says no goodbye), and a bridge
 * that is alive reconnects elsewhere and says hello within seconds.
 */
export const STALE_HEARTBEATS = 3;

/**
 * Bridges recorded connected but silent for STALE_HEARTBEATS heartbeats read disconnected (their
 * instance died, or a disconnect was never recorded). Bridges connected here are left alone.
 * Every instance runs it; returns how many bridges it marked.
 */
export async function sweepStaleBridges(pd: PrintDeps): Promise<number> {
  const now = pd.clock.now().getTime();
  const seenBefore = now - STALE_HEARTBEATS * pd.heartbeatMs;
  let n = 0;
  for (const bridge of await pd.store.listStaleBridges(seenBefore)) {
    if (pd.transport.isConnected(bridge)) continue;
    const marked = await pd.store.runInTx({ centreId: bridge.centreId }, (tx) => tx.disconnectStaleBridge(bridge.centreId, bridge.bridgeId, seenBefore, now));
    if (!marked) continue;
    n++;
    pd.log.warn(`bridge ${bridge.bridgeId}: not heard of for ${Math.round((STALE_HEARTBEATS * pd.heartbeatMs) / 1000)} s; its devices read disconnected`);
    await publishBridge(pd, bridge);
  }
  return n;
}
