import { LitElement, css, html } from 'lit';
import type { Estimates, KioskClosedServices, Language, Service, WaitingCounts } from '../../protocol/index.ts';
import { localized, t } from '../../web-shared/i18n/i18n.ts';
import { waitText } from '../../web-shared/i18n/queue-text.ts';
import { pageOf } from '../../web-shared/ui/list-pages.ts';
import { menuLayout, serviceTile } from './service-menu-logic.ts';

/** The smallest tile a finger and an older eye manage, and the gap between tiles, in rem; the pager's height. */
const MIN_TILE_REM = 7.5;
const GAP_REM = 1.5;
const PAGER_REM = 5.5;

export type ServiceSelectEvent = CustomEvent<{ serviceId: string }>;

/**
 * The kiosk's menu: one big button per service (lĩnh vực) taking tickets, each with how many
 * wait and roughly how long, so a citizen can see a long queue before taking a number.
 */
export class LuotServiceMenu extends LitElement {
  static override properties = {
    services: { attribute: false },
    language: { type: String },
    disabled: { type: Boolean },
    busyServiceId: { attribute: false },
    waiting: { attribute: false },
    estimates: { attribute: false },
    closedMode: { type: String },
    largePrint: { type: Boolean },
    layout: { state: true },
    page: { state: true },
  };
  declare services: Service[];
  declare language: Language;
  /** True while a ticket is being issued: a second tap must not take a second number. */
  declare disabled: boolean;
  declare busyServiceId: string | null;
  /** Null until the live snapshot arrives: the figures are then left out rather than shown as 0. */
  declare waiting: WaitingCounts | null;
  declare estimates: Estimates | null;
  /** The centre's `kioskClosedServices`: what a service no open counter serves looks like. */
  declare closedMode: KioskClosedServices;
  /** Large print (issue #15): only a cue to measure again; the size itself is --luot-kiosk-scale. */
  declare largePrint: boolean;
  /** Measured from the space the menu has: columns and services per page; null until measured. */
  declare private layout: { columns: number; perPage: number; count: number; scale: number } | null;
  declare private page: number;
  // The menu's own box is set by the page (flex: 1), not by its tiles: measure again when it
  // changes (a turned screen, the priority button arriving with the live state).
  private readonly resized = new ResizeObserver(() => {
    if (this.layout !== null) this.layout = null;
  });

  constructor() {
    super();
    this.services = [];
    this.language = 'vi';
    this.disabled = false;
    this.busyServiceId = null;
    this.waiting = null;
    this.estimates = null;
    this.closedMode = 'warn';
    this.largePrint = false;
    this.layout = null;
    this.page = 0;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.resized.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resized.disconnect();
  }

  override updated() {
    const count = this.shownTiles().length;
    // Large print (issue #15): the kiosk's --luot-kiosk-scale, measured again when the centre switches it.
    const scale = parseFloat(getComputedStyle(this).getPropertyValue('--luot-kiosk-scale')) || 1;
    if (this.layout?.count === count && this.layout.scale === scale) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const base = {
      count,
      portrait: window.innerHeight > window.innerWidth,
      width: window.innerWidth,
      minTilePx: MIN_TILE_REM * rem,
      gapPx: GAP_REM * rem,
      scale,
    };
    let layout = menuLayout({ ...base, height: this.clientHeight });
    // More than fit: the pager takes its row.
    if (count > layout.perPage) layout = menuLayout({ ...base, height: this.clientHeight - PAGER_REM * rem });
    this.layout = { ...layout, count, scale };
  }

  /** The active services as the centre wants them shown (hidden ones left out). */
  private shownTiles() {
    return this.services
      .filter((s) => s.active)
      .map((s) => ({ s, tile: serviceTile(this.closedMode, this.estimates ? this.estimates[s.id] : undefined) }))
      .filter((x) => x.tile !== 'hidden');
  }

  override render() {
    const lang = this.language;
    if (!this.services.some((s) => s.active)) return html`<p class="empty">${t(lang, 'kiosk.noServices')}</p>`;
    const tiles = this.shownTiles();
    if (tiles.length === 0) return html`<p class="empty" data-testid="no-service-served">${t(lang, 'kiosk.noServiceServed')}</p>`;
    const layout = this.layout;
    const shown = layout ? pageOf(tiles, layout.perPage, this.page) : { rows: tiles, page: 0, pages: 1 };
    const pager =
      shown.pages > 1
        ? html`<div class="pager">
            <button type="button" class="turn" data-testid="menu-prev" @click=${() => (this.page = shown.page - 1)}>${t(lang, 'kiosk.pagePrev')}</button>
            <span data-testid="menu-page">${t(lang, 'kiosk.page', { n: shown.page + 1, total: shown.pages })}</span>
            <button type="button" class="turn" data-testid="menu-next" @click=${() => (this.page = shown.page + 1)}>${t(lang, 'kiosk.pageNext')}</button>
          </div>`
        : null;
    return html`<ul class="grid cols-${layout?.columns ?? 1}" style="--cols: ${layout?.columns ?? 1}">
      ${shown.rows.map(
        ({ s, tile }) => html`<li>
          <button
            type="button"
            class=${tile}
            data-service-id=${s.id}
            data-tile=${tile}
            ?disabled=${this.disabled || tile === 'refused'}
            aria-busy=${this.busyServiceId === s.id ? 'true' : 'false'}
            @click=${() => this.select(s.id)}
          >
            <span class="name">${localized(s.name, lang)}</span>
            ${
              this.busyServiceId === s.id
                ? html`<span class="busy">${t(lang, 'kiosk.issuing')}</span>`
                : tile === 'open'
                  ? this.renderFigures(s.id)
                  : html`<span class="closed-note" data-testid="service-closed-note">${t(lang, tile === 'refused' ? 'kiosk.serviceRefused' : 'kiosk.serviceNotServed')}</span>`
            }
          </button>
        </li>`,
      )}
    </ul>
    ${pager}`;
  }

  private renderFigures(serviceId: string) {
    if (!this.waiting || !this.estimates) return null;
    const lang = this.language;
    return html`<span class="figures" data-testid="service-figures">
      <span>${t(lang, 'kiosk.waitingCount', { n: this.waiting[serviceId] ?? 0 })}</span>
      <span>${t(lang, 'kiosk.estimate', { wait: waitText(lang, this.estimates[serviceId]) })}</span>
    </span>`;
  }

  private select(serviceId: string) {
    if (this.disabled) return;
    this.dispatchEvent(new CustomEvent('luot-service-select', { detail: { serviceId }, bubbles: true, composed: true }));
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
    }
    .grid {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--luot-kiosk-gap, 1.5rem);
      /* Columns and services per page are measured (menuLayout in service-menu-logic.ts): a page
         always fits, so nothing falls below a screen that cannot be scrolled by touch. */
      grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr));
      grid-auto-rows: minmax(calc(7.5rem * var(--luot-kiosk-scale, 1)), 1fr);
      flex: 1;
      min-height: 0;
    }
    .cols-2 {
      --luot-kiosk-button-font-size: clamp(1.5rem, 2.2vw, 2.3rem);
    }
    .cols-3 {
      --luot-kiosk-button-font-size: clamp(1.3rem, 1.55vw, 1.9rem);
      --luot-kiosk-figures-font-size: 1.2rem;
    }
    .pager {
      flex: 0 0 auto;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 2rem;
      margin-top: 1.5rem;
      font-size: calc(1.6rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
    }
    .pager .turn {
      flex: 0 0 auto;
      min-height: 4rem;
      min-width: 12rem;
      font-size: calc(1.6rem * var(--luot-kiosk-scale, 1));
      background: var(--luot-surface);
      color: var(--luot-accent);
      border: 3px solid var(--luot-accent);
    }
    li {
      display: flex;
    }
    button {
      flex: 1;
      font: inherit;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      padding: 1rem 1.5rem;
      border: none;
      border-radius: var(--luot-radius);
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
      box-shadow: var(--luot-shadow);
      cursor: pointer;
      touch-action: manipulation;
    }
    button:active:not(:disabled) {
      transform: scale(0.98);
    }
    button:disabled {
      opacity: 0.55;
      cursor: wait;
    }
    button.not_served .closed-note,
    button.refused .closed-note {
      font-size: calc(1.1rem * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      padding: 0.1rem 0.8rem;
      border-radius: 999px;
      background: var(--luot-warning-bg, #fff3cd);
      color: var(--luot-warning-fg, #4d3300);
    }
    button[aria-busy='true'] {
      opacity: 1;
      outline: 6px solid var(--luot-number-color);
    }
    .name {
      font-size: calc(var(--luot-kiosk-button-font-size, clamp(1.75rem, 3.2vw, 3rem)) * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      line-height: 1.2;
      text-align: center;
      max-width: 100%;
      overflow-wrap: break-word;
    }
    .busy {
      font-size: calc(1.25rem * var(--luot-kiosk-scale, 1));
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.25rem 1.5rem;
      font-size: calc(var(--luot-kiosk-figures-font-size, clamp(1.3rem, 1.6vw, 1.6rem)) * var(--luot-kiosk-scale, 1));
      opacity: 0.92;
    }
    .empty {
      font-size: calc(2rem * var(--luot-kiosk-scale, 1));
      text-align: center;
      color: var(--luot-muted);
    }
  `;
}

customElements.define('luot-service-menu', LuotServiceMenu);

declare global {
  interface HTMLElementTagNameMap {
    'luot-service-menu': LuotServiceMenu;
  }
  interface HTMLElementEventMap {
    'luot-service-select': ServiceSelectEvent;
  }
}
