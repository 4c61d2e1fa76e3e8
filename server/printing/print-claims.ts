import type { PrintClaimAnswer, PrintJobStatus } from '../../protocol/index.ts';
import type { BridgeRef, PrintDeps } from './printing.deps.ts';
import type { PrintJobRecord } from './printing.port.ts';

/**
 * Claims (`print:claim`, docs/firmware-bridge.md): right before a job's first byte its bridge asks
 * whether it may still print. A yes is a fact of the store (`print_jobs.claimed_until`), not of
 * this process: with several server instances (issue #13) the bridge may claim through one while
 * another runs the deadline sweep (`abandonOverdue`). The claim and the sweep are each one
 * conditional update of the job's row, so exactly one of them wins: a claimed job is not abandoned
 * until its claim runs out, and an abandoned job can never be claimed.
 */

/**
 * How long a job its bridge has claimed may take to go out and be confirmed before the server
 * abandons it anyway: a raster ticket takes seconds on a slow network printer, over a minute on a
 * 9600-baud serial line (use a text mode there).
 */
export const PRINT_TRANSFER_GRACE_MS = 60_000;

const LIVE: readonly PrintJobStatus[] = ['pending', 'sent'];

/** Claimed and the claim has not run out: its bytes may be going out now. */
export const claimHolds = (job: Pick<PrintJobRecord, 'claimedUntilMs'>, nowMs: number): boolean => job.claimedUntilMs !== null && job.claimedUntilMs > nowMs;

/**
 * `print:claim`: a bridge is about to send a job's first byte. Yes only for its own live job
 * before the deadline (or already claimed); from then on no instance's sweep abandons the job for
 * PRINT_TRANSFER_GRACE_MS. No, and the bridge does not print: the server's "abandoned" wins.
 */
export async function claimPrintJob(pd: PrintDeps, bridge: BridgeRef, jobId: string): Promise<PrintClaimAnswer> {
  const now = pd.clock.now().getTime();
  // Under the centre's lock, like every other writer of its jobs; the update's own condition is
  // what makes it safe against a sweep that reads and writes without it.
  return pd.store.runInTx({ centreId: bridge.centreId }, async (tx): Promise<PrintClaimAnswer> => {
    const record = await tx.getPrintJob(jobId);
    if (!record || record.centreId !== bridge.centreId || record.bridgeId !== bridge.bridgeId) return { print: false, reason: 'not a job of this bridge' };
    if (!LIVE.includes(record.status)) return { print: false, reason: `the job is ${record.status}` };
    if (now >= record.deadlineAtMs && !claimHolds(record, now)) return { print: false, reason: 'its deadline has passed' };
    if (!(await tx.claimPrintJob(jobId, now + PRINT_TRANSFER_GRACE_MS, now))) return { print: false, reason: 'the job was abandoned' };
    return { print: true };
  });
}
