import type { BridgeRef } from './printing.deps.ts';

/**
 * Jobs a bridge has claimed (`print:claim`): it asked, right before sending the first byte,
 * whether it may still print, and the server said yes. Until the claim runs out the deadline
 * sweep leaves the job alone — the paper is coming out and the kiosk is waiting for it — and a
 * job abandoned before its claim can never be claimed. Kept in memory: a claim lives seconds, and
 * after a server restart the bridge's answer still arrives (a late "printed" for a job the new
 * process abandoned is refused and logged, docs/firmware-bridge.md).
 */
export class PrintClaims {
  private readonly claims = new Map<string, { bridge: BridgeRef; untilMs: number }>();
  /** Jobs the sweep decided to abandon (their store update may still be under way): never claimable. */
  private readonly abandoning = new Map<string, number>();

  /**
   * Claims a job for its bridge unless the sweep got to it first. Synchronous on purpose: with
   * `beginAbandon` it decides, in one turn of the event loop, which of the two wins.
   */
  tryClaim(jobId: string, bridge: BridgeRef, untilMs: number): boolean {
    if (this.abandoning.has(jobId)) return false;
    this.claims.set(jobId, { bridge, untilMs });
    return true;
  }

  /** The sweep wants to abandon a job: false when a live claim holds it (its bytes are going out). */
  beginAbandon(jobId: string, nowMs: number): boolean {
    if (this.holds(jobId, nowMs)) return false;
    this.claims.delete(jobId);
    for (const [id, until] of this.abandoning) if (until <= nowMs) this.abandoning.delete(id);
    // Long enough for any claim that read the job before the store said "abandoned".
    this.abandoning.set(jobId, nowMs + 10 * 60_000);
    return true;
  }

  /** Claimed and the claim has not run out. */
  holds(jobId: string, nowMs: number): boolean {
    const c = this.claims.get(jobId);
    if (c && c.untilMs <= nowMs) this.claims.delete(jobId);
    return c !== undefined && c.untilMs > nowMs;
  }

  /** When the claim of a job runs out, if it has one. */
  until(jobId: string): number | null {
    return this.claims.get(jobId)?.untilMs ?? null;
  }

  release(jobId: string): void {
    this.claims.delete(jobId);
  }

  /** A bridge's jobs with a live claim (redelivered on its hello, to get their answer). */
  of(bridge: BridgeRef, nowMs: number): string[] {
    return [...this.claims.entries()]
      .filter(([id, c]) => c.bridge.centreId === bridge.centreId && c.bridge.bridgeId === bridge.bridgeId && this.holds(id, nowMs))
      .map(([id]) => id);
  }
}
