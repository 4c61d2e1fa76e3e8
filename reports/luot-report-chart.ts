import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { LitElement, css, html } from 'lit';
import type { ChartData } from './reports-logic.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * A bar chart (chart.js) beside a report table. `data` in, nothing out; `stacked` stacks the
 * datasets, `horizontal` turns long group names sideways. Redrawn when `data` changes; no
 * animation, so a printout or a screenshot is never caught mid-way.
 */
export class LuotReportChart extends LitElement {
  static override properties = {
    data: { attribute: false },
    stacked: { type: Boolean },
    horizontal: { type: Boolean },
    label: { type: String },
  };
  declare data: ChartData | null;
  declare stacked: boolean;
  declare horizontal: boolean;
  /** What the chart shows, for screen readers. */
  declare label: string;
  private chart: Chart | null = null;

  constructor() {
    super();
    this.data = null;
    this.stacked = false;
    this.horizontal = false;
    this.label = '';
  }

  override render() {
    // The categories drawn, as text: what a screen reader and the browser tests read of a canvas.
    return html`<div class="box"><canvas role="img" aria-label=${this.label} data-labels=${this.data?.labels.join(' ') ?? ''}></canvas></div>`;
  }

  override updated() {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.data) return;
    const data = { labels: this.data.labels, datasets: this.data.datasets.map((d) => ({ ...d })) };
    if (this.chart) {
      this.chart.data = data;
      this.chart.update();
      return;
    }
    this.chart = new Chart(canvas, {
      type: 'bar',
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: this.horizontal ? 'y' : 'x',
        scales: { x: { stacked: this.stacked }, y: { stacked: this.stacked, beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    // Put back in the page (a tab shown again): draw anew.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  static override styles = css`
    :host { display: block; }
    .box { position: relative; height: var(--luot-chart-height, 18rem); }
  `;
}

customElements.define('luot-report-chart', LuotReportChart);

declare global {
  interface HTMLElementTagNameMap {
    'luot-report-chart': LuotReportChart;
  }
}
