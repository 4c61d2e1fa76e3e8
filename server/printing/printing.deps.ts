import type { DeviceView, PrintAck, PrintJob, PrintJobView } from '../../protocol/index.ts';
import type { Deps } from '../kernel/ports.ts';

/** A bridge as the server knows it: its device token's id, in its centre. */
export interface BridgeRef {
  centreId: string;
  bridgeId: string;
}

/** No bridge of that id is connected, or it did not answer within the time given. */
export type Undelivered = 'no_bridge' | 'no_answer';

/** Hands print jobs to connected bridges; the socket.io `/bridge` namespace implements it (bridge.namespace.ts). */
export interface PrintTransport {
  isConnected(bridge: BridgeRef): boolean;
  /** Sends the job and resolves with the bridge's answer, or why there is none. */
  send(bridge: BridgeRef, job: PrintJob, timeoutMs: number): Promise<PrintAck | Undelivered>;
  /** Tells the bridge, if connected (to any instance), that the server gave up on a job: it must not print it. */
  cancel(bridge: BridgeRef, jobId: string, reason: string): void;
  /**
   * The bridge is not connected to this instance: asks the other instances to deliver the job
   * (the one holding the bridge does; issue #13). Absent with one process.
   */
  elsewhere?(bridge: BridgeRef, jobId: string): void;
}

/** Where printing facts go: the `/centre` room of the centre (kiosks, consoles). */
export interface PrintNotifier {
  printStatus(job: PrintJobView): void;
  deviceUpdated(device: DeviceView): void;
}

/** What the printing use cases need beyond the common Deps. */
export interface PrintDeps extends Deps {
  transport: PrintTransport;
  printNotifier: PrintNotifier;
  /** How long a kiosk waits for its ticket to print before it is told it failed, ms. */
  printTimeoutMs: number;
  /** How often bridges send a heartbeat, ms. */
  heartbeatMs: number;
  /** The address citizens' phones reach the server at: the QR code's /t/<id> link. */
  publicUrl(): string;
  log: { info(m: string, e?: unknown): void; warn(m: string, e?: unknown): void; error(m: string, e?: unknown): void };
}
