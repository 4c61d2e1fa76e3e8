import { LitElement, css, html, nothing } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import { attachmentName, exportRows } from '../protocol/report-export.schemas.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import { CsvRecordCounter, exportProgress, formatCount, formatSize, refusalCode, type ExportFileFormat, type ExportProgress } from './export-progress.ts';
import { exportHref } from './reports-logic.ts';

type Status =
  { kind: 'idle' } | { kind: 'running'; format: ExportFileFormat; progress: ExportProgress; bytes: number } | { kind: 'message'; text: string; error: boolean };

/**
 * The downloads of one report table: CSV (UTF-8 with BOM, for any program) and XLSX (for Excel).
 * `path` is the report's path under /api with its query; the export adds the format and the
 * language of the headers. The links keep their address (a middle click, "save link as", no
 * script); a plain click fetches the file instead and shows how far it has come (issue #15):
 * a progress bar (role=progressbar with the rows received of the rows the server announced), a
 * cancel button (Escape too), and at the end the file saved under the server's name. A refused
 * or cut download says why and saves nothing.
 */
export class LuotReportExport extends LitElement {
  static override properties = { path: { type: String }, language: { type: String }, name: { type: String }, status: { state: true } };
  declare path: string;
  declare language: Language;
  /** Names the table in the test ids: export-<name>-csv. */
  declare name: string;
  declare status: Status;
  private abort: AbortController | null = null;

  constructor() {
    super();
    this.path = '';
    this.language = 'vi';
    this.name = 'table';
    this.status = { kind: 'idle' };
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.abort) this.cancel();
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private href(format: ExportFileFormat) {
    const sep = this.path.includes('?') ? '&' : '?';
    return exportHref(`${this.path}${sep}format=${format}&lang=${this.language}`);
  }

  private onClick(e: MouseEvent, format: ExportFileFormat) {
    // A new tab, a new window, "save link as": the browser's own download.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (this.abort) return;
    void this.download(format);
  }

  private cancel() {
    this.abort?.abort();
  }

  private async download(format: ExportFileFormat) {
    const lang = this.language;
    const abort = new AbortController();
    this.abort = abort;
    this.status = { kind: 'running', format, progress: exportProgress(format, null, 0, 0), bytes: 0 };
    let started = false;
    try {
      const res = await fetch(this.href(format), { signal: abort.signal, credentials: 'same-origin' });
      if (!res.ok || !res.body) {
        const body: unknown = await res.json().catch(() => null);
        this.status = { kind: 'message', text: t(lang, 'export.failed', { reason: errorText(lang, refusalCode(res.status, body)) }), error: true };
        return;
      }
      started = true;
      const total = exportRows(res.headers);
      const file = attachmentName(res.headers) ?? `luot-export.${format}`;
      const counter = new CsvRecordCounter();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        if (format === 'csv') counter.push(value);
        this.status = { kind: 'running', format, progress: exportProgress(format, total, bytes, counter.rows), bytes };
      }
      this.status = { kind: 'running', format, progress: exportProgress(format, total, bytes, counter.rows, true), bytes };
      save(new Blob(parts, { type: res.headers.get('content-type') ?? 'application/octet-stream' }), file);
      this.status = { kind: 'message', text: t(lang, 'export.done', { file }), error: false };
    } catch (error) {
      const text = abort.signal.aborted
        ? t(lang, 'export.cancelled')
        : started
          ? t(lang, 'export.cut')
          : t(lang, 'export.failed', { reason: errorText(lang, 'network') });
      this.status = { kind: 'message', text, error: !abort.signal.aborted };
      if (!abort.signal.aborted) console.warn('report export failed', error);
    } finally {
      this.abort = null;
    }
  }

  private renderStatus() {
    const lang = this.language;
    const s = this.status;
    if (s.kind === 'idle') return nothing;
    if (s.kind === 'message') return html`<span class=${s.error ? 'error' : 'done'} data-testid=${`export-${this.name}-message`}>${s.text}</span>`;
    const { done, total, approximate } = s.progress;
    const format = s.format.toUpperCase();
    const n = (v: number) => formatCount(v, lang);
    const text =
      total === null
        ? s.format === 'csv'
          ? t(lang, 'export.rowsSoFar', { done: n(done) })
          : t(lang, 'export.bytesSoFar', { size: formatSize(s.bytes, lang) })
        : t(lang, approximate ? 'export.rowsAbout' : 'export.rows', { done: n(done), total: n(total) });
    const share = total ? Math.min(100, (done / total) * 100) : null;
    return html`<span class="running">
      <span class="label">${t(lang, 'export.preparing', { format })}</span>
      <span
        class="bar"
        role="progressbar"
        data-testid=${`export-${this.name}-progress`}
        aria-label=${t(lang, 'export.progressLabel', { format })}
        aria-valuemin="0"
        aria-valuemax=${total ?? nothing}
        aria-valuenow=${total === null ? nothing : done}
        aria-valuetext=${text}
        ><span class="fill" style=${share === null ? '' : `width: ${share.toFixed(1)}%`}></span
      ></span>
      <span class="count" aria-hidden="true">${text}</span>
      <button type="button" @click=${() => this.cancel()} data-testid=${`export-${this.name}-cancel`}>${t(lang, 'export.cancel')}</button>
    </span>`;
  }

  override render() {
    const lang = this.language;
    return html`<span class="label">${t(lang, 'reports.export')}</span>
      <a href=${this.href('csv')} download data-testid=${`export-${this.name}-csv`} @click=${(e: MouseEvent) => this.onClick(e, 'csv')}>CSV</a>
      <a href=${this.href('xlsx')} download data-testid=${`export-${this.name}-xlsx`} @click=${(e: MouseEvent) => this.onClick(e, 'xlsx')}>Excel (XLSX)</a>
      <span class="status" role="status" aria-live="polite">${this.renderStatus()}</span>`;
  }

  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
    .label { color: var(--luot-muted); }
    a, button {
      font: inherit; font-weight: 700; text-decoration: none; padding: 0.35rem 0.8rem; border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent); color: var(--luot-accent); background: none; cursor: pointer;
    }
    a:hover, button:hover { background: var(--luot-accent); color: var(--luot-accent-fg); }
    a:focus-visible, button:focus-visible { outline: 3px solid var(--luot-accent); outline-offset: 2px; }
    .status:empty { display: none; }
    .running { display: inline-flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
    .bar {
      display: inline-block; width: 12rem; height: 0.8rem; border-radius: 0.4rem; overflow: hidden;
      border: 1px solid var(--luot-border); background: var(--luot-surface);
    }
    .fill { display: block; height: 100%; width: 0; background: var(--luot-accent); transition: width 0.2s; }
    .count { font-variant-numeric: tabular-nums; }
    .error { color: var(--luot-danger); font-weight: 700; }
    .done { color: var(--luot-ok); }
    @media print { :host { display: none; } }
  `;
}

/** Saves `blob` under `name` the way a download link would. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file by then; a minute leaves slow machines room.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

customElements.define('luot-report-export', LuotReportExport);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-export': LuotReportExport;
  }
}
