import { LitElement, css, html } from 'lit';
import QRCode from 'qrcode';
import type { Language } from '../../protocol/common.schemas.ts';
import type { PrintJobView } from '../../protocol/print.schemas.ts';
import { createApi } from '../../web-shared/client/api.ts';
import { bearerHeader } from '../../web-shared/client/session.ts';
import { FOLLOW_MS, POLL_MS, printDisplay } from './print-status-logic.ts';

/**
 * Follows the print job of the ticket just issued (GET /api/print-jobs/{jobId} with the kiosk's
 * token) and says what became of the paper: "Đang in phiếu…", then "Mời nhận phiếu" once the
 * bridge says it printed, or — paper out, no printer, no answer in time — the QR code of the
 * status page and a clear message; the number itself stays large on the ticket view beside it.
 * In the demo (a simulated printer) it also shows the printed ticket image.
 */
export class LuotPrintStatus extends LitElement {
  static override properties = {
    jobId: { type: String },
    token: { attribute: false },
    followUrl: { attribute: false },
    language: { type: String },
    job: { state: true },
    timedOut: { state: true },
    qr: { state: true },
    preview: { state: true },
  };
  declare jobId: string | null;
  /** The kiosk's device token. */
  declare token: string | null;
  /** The status page, /t/<ticket id>: the QR code shown when the paper did not come out. */
  declare followUrl: string | null;
  declare language: Language;
  declare job: PrintJobView | null;
  declare timedOut: boolean;
  declare qr: string | null;
  declare preview: string | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = 0;
  private following: string | null = null;

  constructor() {
    super();
    this.jobId = null;
    this.token = null;
    this.followUrl = null;
    this.language = 'vi';
    this.job = null;
    this.timedOut = false;
    this.qr = null;
    this.preview = null;
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('jobId') && this.jobId !== this.following) this.follow();
    if (changed.has('followUrl') && this.followUrl) {
      void QRCode.toDataURL(this.followUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).then(
        (url) => (this.qr = url),
        () => (this.qr = null),
      );
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    if (this.preview) URL.revokeObjectURL(this.preview);
  }

  private follow() {
    clearTimeout(this.timer);
    this.following = this.jobId;
    this.job = null;
    this.timedOut = false;
    this.started = Date.now();
    if (this.jobId) void this.poll(this.jobId);
  }

  private async poll(jobId: string) {
    try {
      const job = await createApi('', undefined, { deviceToken: this.token }).getPrintJob(jobId);
      if (this.following === jobId) this.job = job;
    } catch {
      // Offline for a moment (or an error answer): keep asking until FOLLOW_MS.
    }
    if (this.following !== jobId) return;
    const phase = printDisplay(this.job, this.language).phase;
    if (phase === 'printed') return void this.loadPreview(jobId);
    if (phase === 'failed') return;
    if (Date.now() - this.started > FOLLOW_MS) {
      this.timedOut = true;
      return;
    }
    this.timer = setTimeout(() => void this.poll(jobId), POLL_MS);
  }

  /** The simulated printout (demo only: a real printer's job has none, 204). */
  private async loadPreview(jobId: string) {
    try {
      const res = await fetch(`/api/print-jobs/${encodeURIComponent(jobId)}/preview.png`, { headers: bearerHeader(this.token) });
      if (res.status !== 200 || this.following !== jobId) return;
      if (this.preview) URL.revokeObjectURL(this.preview);
      this.preview = URL.createObjectURL(await res.blob());
    } catch {
      // No preview: nothing to show.
    }
  }

  override render() {
    if (!this.jobId) return null;
    const d = printDisplay(this.job, this.language, this.timedOut);
    return html`<section class=${d.phase} role="status" aria-live="assertive" data-testid="print-status" data-phase=${d.phase}>
      <div class="words">
        <p class="title">${d.title}</p>
        ${d.detail ? html`<p class="detail">${d.detail}</p>` : null}
      </div>
      ${d.phase === 'failed' && this.qr ? html`<img class="qr" src=${this.qr} alt="QR" data-testid="print-status-qr" />` : null}
      ${d.phase === 'printed' && this.preview ? html`<img class="preview" src=${this.preview} alt="" data-testid="print-preview" />` : null}
    </section>`;
  }

  static override styles = css`
    /* A compact band above the ticket: the number below must stay whole on a 900-px-high screen. */
    :host {
      display: block;
      flex: none;
      margin-bottom: 0.5rem;
      /* Above the ticket view, whose centred content may overflow upwards on a short screen. */
      position: relative;
      z-index: 1;
    }
    section {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 1.5rem;
      padding: 0.35rem 1.5rem;
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      box-shadow: var(--luot-shadow);
    }
    .printed {
      background: var(--luot-print-ok-bg, #e6f4ea);
      color: var(--luot-print-ok-fg, #0d5c2a);
    }
    .failed {
      background: var(--luot-print-failed-bg, #fff4e5);
      color: var(--luot-print-failed-fg, #7a3e00);
    }
    p {
      margin: 0.15rem 0;
    }
    .title {
      font-size: calc(1.9rem * var(--luot-kiosk-scale, 1));
      font-weight: 800;
    }
    .detail {
      font-size: calc(1.15rem * var(--luot-kiosk-scale, 1));
      /* As wide as the text grows in large print (issue #15): as many lines, not one more. */
      max-width: calc(52rem * var(--luot-kiosk-scale, 1));
    }
    .qr {
      width: 6.5rem;
      height: 6.5rem;
      image-rendering: pixelated;
      background: #fff;
    }
    .preview {
      max-height: 6.5rem;
      border: 1px solid var(--luot-muted);
      background: #fff;
    }
  `;
}

customElements.define('luot-print-status', LuotPrintStatus);

declare global {
  interface HTMLElementTagNameMap {
    'luot-print-status': LuotPrintStatus;
  }
}
