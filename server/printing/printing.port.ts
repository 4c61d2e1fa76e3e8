import type { DeviceStatus, PrintErrorCode, PrintJobStatus } from '../../protocol/index.ts';

/**
 * Print jobs and bridge devices: the store's part for printing (issue #4). Kept apart from the
 * queue store like accounts.port.ts; the Store and every write transaction carry it, so a
 * kiosk's print job is written in the same transaction as its ticket.
 */
export interface PrintJobRecord {
  id: string;
  centreId: string;
  ticketId: string;
  /** The ticket's display number (read with the job, for lists). */
  number: string;
  /** The kiosk that issued (or, for a reprint, whose printer was chosen); null when staff issued. */
  kioskId: string | null;
  bridgeId: string;
  printerId: string;
  status: PrintJobStatus;
  reprint: boolean;
  /** The officer who asked for a reprint. */
  requestedBy: string | null;
  /** Times the job was handed to a bridge. */
  attempts: number;
  error: PrintErrorCode | null;
  errorMessage: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  /** After this the job is abandoned and never delivered again. */
  deadlineAtMs: number;
  /**
   * Its bridge claimed it (`print:claim`, right before the first byte): until then no instance's
   * deadline sweep abandons it. Null: never claimed.
   */
  claimedUntilMs: number | null;
}

export type NewPrintJob = Omit<PrintJobRecord, 'number' | 'attempts' | 'error' | 'errorMessage' | 'updatedAtMs' | 'claimedUntilMs'>;

/** Why the sweep gives up on a job (the job becomes `abandoned`). */
export interface PrintJobAbandon {
  error: PrintErrorCode;
  errorMessage: string;
  atMs: number;
}

export interface PrintJobUpdate {
  status: PrintJobStatus;
  error?: PrintErrorCode | null;
  errorMessage?: string | null;
  /** Count one more hand-over to a bridge. */
  attempt?: boolean;
  atMs: number;
}

export interface DeviceRecord {
  centreId: string;
  bridgeId: string;
  deviceId: string;
  kind: 'printer' | 'keypad';
  kioskId: string | null;
  status: DeviceStatus;
  detail: string | null;
  connected: boolean;
  lastSeenAtMs: number;
}

export interface PrintStore {
  insertPrintJob(job: NewPrintJob): Promise<void>;
  getPrintJob(jobId: string): Promise<PrintJobRecord | null>;
  /** Writes the change only if the stored status is one of `from`; false otherwise (someone was first). */
  updatePrintJob(jobId: string, update: PrintJobUpdate, from: readonly PrintJobStatus[]): Promise<boolean>;
  /** A centre's jobs, newest first. */
  listPrintJobs(centreId: string, options: { status?: PrintJobStatus; limit: number }): Promise<PrintJobRecord[]>;
  /**
   * A bridge's jobs still to deliver (pending or sent), oldest first: those before their deadline,
   * and those it claimed whose claim still holds (their answer was lost with a connection).
   */
  listDeliverableJobs(centreId: string, bridgeId: string, nowMs: number): Promise<PrintJobRecord[]>;
  /** Jobs still pending or sent whose deadline has passed and whose claim, if any, has run out, in every centre. */
  listOverdueJobs(nowMs: number): Promise<PrintJobRecord[]>;
  /**
   * The job's bridge claims it until `untilMs`: written only while the job is pending or sent and
   * before its deadline or an earlier claim's end. False otherwise (abandoned, finished, too late).
   * One conditional update, so a claim and the sweep (`abandonPrintJob`), from any instance, never both win.
   */
  claimPrintJob(jobId: string, untilMs: number, nowMs: number): Promise<boolean>;
  /**
   * Abandons a job only while it is pending or sent, past its deadline and not held by a live
   * claim; false otherwise (claimed in time, or someone was first).
   */
  abandonPrintJob(jobId: string, abandon: PrintJobAbandon): Promise<boolean>;

  /** Replaces what a bridge announced (its config may have changed); the bridge is connected. */
  replaceBridgeDevices(centreId: string, bridgeId: string, devices: DeviceRecord[]): Promise<void>;
  /** False when the bridge announced no such device. */
  updateDeviceStatus(centreId: string, bridgeId: string, deviceId: string, status: DeviceStatus, detail: string | null, atMs: number): Promise<boolean>;
  /** Marks every device of a bridge as (dis)connected; disconnected devices read `offline`. */
  setBridgeConnected(centreId: string, bridgeId: string, connected: boolean, atMs: number): Promise<void>;
  listDevices(centreId: string): Promise<DeviceRecord[]>;
  /** At start of a lone server: no bridge is connected to a server that just started (a crash left no record of it). */
  disconnectAllBridges(atMs: number): Promise<void>;
  /**
   * Bridges that read connected but were last heard of before `seenBeforeMs` (their instance died
   * with their connection, issue #13): candidates for `disconnectStaleBridge`.
   */
  listStaleBridges(seenBeforeMs: number): Promise<{ centreId: string; bridgeId: string }[]>;
  /** Marks the bridge's devices not heard of since `seenBeforeMs` disconnected; false when none was (it spoke meanwhile). */
  disconnectStaleBridge(centreId: string, bridgeId: string, seenBeforeMs: number, atMs: number): Promise<boolean>;
  /** The printer that serves a kiosk: of several claims, the most recently seen. */
  printerForKiosk(centreId: string, kioskId: string): Promise<DeviceRecord | null>;
}
