import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import type { TimeGroupBy } from '../protocol/reports.schemas.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { isValidRange, PRESETS, presetRange, type Preset, type ReportRange } from './reports-logic.ts';

export type RangeChangeEvent = CustomEvent<{ range: ReportRange }>;
export type GroupChangeEvent = CustomEvent<{ groupBy: TimeGroupBy }>;

/**
 * The period of a report (local dates of the centre) with quick choices — today, the last 7 or
 * 30 days, this month, last month, this year — and, when `groups` is given, what to group by.
 * Fires `luot-range-change` and `luot-group-change`.
 */
export class LuotReportRange extends LitElement {
  static override properties = {
    range: { attribute: false },
    today: { type: String },
    language: { type: String },
    groupBy: { type: String },
    groups: { attribute: false },
  };
  declare range: ReportRange;
  /** The centre's today, for the presets. */
  declare today: string;
  declare language: Language;
  declare groupBy: TimeGroupBy;
  declare groups: readonly TimeGroupBy[];

  constructor() {
    super();
    this.range = { from: '', to: '' };
    this.today = '';
    this.language = 'vi';
    this.groupBy = 'service';
    this.groups = [];
  }

  private emitRange(range: ReportRange) {
    if (!isValidRange(range)) return;
    this.dispatchEvent(new CustomEvent('luot-range-change', { detail: { range }, bubbles: true, composed: true }));
  }

  private preset(p: Preset) {
    this.emitRange(presetRange(p, this.today));
  }

  private typed() {
    const from = (this.renderRoot.querySelector('[name=from]') as HTMLInputElement).value;
    const to = (this.renderRoot.querySelector('[name=to]') as HTMLInputElement).value;
    this.emitRange({ from, to });
  }

  private group(e: Event) {
    const groupBy = (e.target as HTMLSelectElement).value as TimeGroupBy;
    this.dispatchEvent(new CustomEvent('luot-group-change', { detail: { groupBy }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.language;
    return html`<div class="row">
      <label>${t(lang, 'reports.from')} <input type="date" name="from" max=${this.today} .value=${this.range.from} @change=${this.typed} data-testid="range-from" /></label>
      <label>${t(lang, 'reports.to')} <input type="date" name="to" max=${this.today} .value=${this.range.to} @change=${this.typed} data-testid="range-to" /></label>
      <span class="presets">
        ${PRESETS.map((p) => html`<button type="button" class="quiet" @click=${() => this.preset(p)} data-testid=${`preset-${p}`}>${t(lang, `reports.preset.${p}`)}</button>`)}
      </span>
      ${
        this.groups.length > 0
          ? html`<label>${t(lang, 'reports.groupBy')}
            <select @change=${this.group} data-testid="group-by">
              ${this.groups.map((g) => html`<option value=${g} ?selected=${g === this.groupBy}>${t(lang, `reports.by.${g}`)}</option>`)}
            </select></label>`
          : null
      }
    </div>`;
  }

  static override styles = css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.6rem 1rem; }
    label { display: flex; flex-direction: column; gap: 0.2rem; color: var(--luot-muted); }
    .presets { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    input, select, button {
      font: inherit; min-height: 2.5rem; padding: 0 0.7rem; border-radius: var(--luot-radius);
      border: 2px solid var(--luot-border); background: var(--luot-surface); color: var(--luot-fg);
    }
    button.quiet { border-color: var(--luot-accent); color: var(--luot-accent); font-weight: 600; cursor: pointer; }
    @media print { :host { display: none; } }
  `;
}

customElements.define('luot-report-range', LuotReportRange);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-range': LuotReportRange;
  }
  interface HTMLElementEventMap {
    'luot-range-change': RangeChangeEvent;
    'luot-group-change': GroupChangeEvent;
  }
}
