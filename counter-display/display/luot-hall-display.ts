import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { distinctCalls } from '../../web-shared/client/centre-state.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import { LiveCentreController } from '../../web-shared/client/live-centre.controller.ts';
import '../../web-shared/ui/luot-clock.ts';
import '../../web-shared/ui/luot-offline-banner.ts';
import '../../web-shared/ui/luot-ticket-list.ts';
import { AnnouncerController } from './announce/announcer.controller.ts';
import { NewCalls } from './announce/new-calls.ts';
import { previousCallRows, queueRows } from './display-lists.ts';
import { readDisplayParams, type DisplayParams, type Layout } from './display-params.ts';
import { callShown, countersShown, effectiveVoice, resolveScope, servicesShown, WHOLE_CENTRE, type DisplayScope } from './display-scope.ts';
import { applyTheme } from './display-theme.ts';
import './luot-counter-strip.ts';
import './luot-latest-call.ts';
import './luot-notice-ticker.ts';
import './luot-sound-state.ts';

/**
 * The hall TV (/display): the newest call very large and highlighted, announced aloud; the calls
 * before it; how many wait for each service; what every counter attends; the clock; the centre's
 * notice scrolling along the bottom. Landscape or portrait by the screen's shape, sized in
 * viewport units so 1080p and 4K look alike. Live from `/centre`; which services and counters it
 * covers comes from its address or a display profile (docs/displays.md).
 */
export class LuotHallDisplay extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
    params: { attribute: false },
    layout: { state: true },
  };
  declare requestedCentreId: string | null;
  declare language: Language;
  declare params: DisplayParams;
  declare layout: Layout;
  private readonly centre = new LiveCentreController(this, () => this.requestedCentreId);
  private readonly announcer = new AnnouncerController(this);
  private readonly newCalls = new NewCalls();
  private scope: DisplayScope = WHOLE_CENTRE;
  private theme: Record<string, string> = {};

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
    this.params = readDisplayParams('/display', '');
    this.layout = 'landscape';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.onResize();
    window.addEventListener('resize', this.onResize);
    if (this.params.voice !== 'off' && this.params.voice !== 'silent') this.announcer.prepare();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.onResize);
  }

  private readonly onResize = () => {
    this.layout = this.params.layout ?? (window.innerWidth >= window.innerHeight ? 'landscape' : 'portrait');
  };

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('params')) this.onResize();
    const live = this.centre.live;
    if (!live) return;
    this.scope = resolveScope(this.params, live.display, live.counters);
    this.announcer.configure(effectiveVoice(this.params.voice, live.display, this.scope), live.display.announcement);
    // Every new call this display shows, once; a recall is a new call. Not those found on opening.
    this.announcer.announce(this.newCalls.take(live.recentCalls, (c) => callShown(this.scope, c)));
  }

  override updated() {
    document.documentElement.lang = this.language;
    this.theme = applyTheme(document.documentElement.style, this.centre.live?.display.theme ?? {}, this.theme);
    // For technicians and the browser tests: is this screen live, how far has it got, does it speak?
    this.dataset.status = this.centre.status;
    this.dataset.seq = String(this.centre.live?.seq ?? '');
    this.dataset.layout = this.layout;
    this.dataset.sound = this.announcer.sound;
    const { playing, history } = this.announcer.view;
    this.dataset.announcing = playing?.text ?? '';
    this.dataset.announced = String(history.filter((h) => h.outcome === 'played').length);
  }

  override render() {
    const lang = this.language;
    const { live, error, status } = this.centre;
    const centre = live?.centre ?? this.centre.centre;
    const scope = this.scope;
    const calls = (live?.recentCalls ?? []).filter((c) => callShown(scope, c));
    const latest = calls[0] ?? null;
    const listed = this.params.calls ?? live?.display.recentCalls ?? 6;
    // Each ticket once: a recalled number must not fill the list twice.
    const previous = distinctCalls(calls.slice(1), latest?.ticketId ?? null).slice(0, listed);
    const services = live ? servicesShown(scope, live.services, live.counters) : [];
    const latestService = latest ? live?.services.find((s) => s.id === latest.serviceId) : undefined;
    const logo = live?.display.logoUrl;
    const notice = live ? localized({ vi: live.display.notice.vi, en: live.display.notice.en || live.display.notice.vi }, lang) : '';
    return html`<header>
        ${logo ? html`<img class="logo" src=${logo} alt="" data-testid="logo" />` : null}
        <h1>${centre ? localized(centre.name, lang) : t(lang, 'app.loading')}</h1>
        <luot-sound-state .state=${this.announcer.sound} .language=${lang} @luot-unlock=${() => this.announcer.unlock()}></luot-sound-state>
        ${centre ? html`<luot-clock .timeZone=${centre.timeZone}></luot-clock>` : null}
      </header>
      ${
        error
          ? html`<p class="error" role="alert" data-testid="display-error">${errorText(lang, error.code)}</p>`
          : status === 'offline'
            ? html`<luot-offline-banner .language=${lang}></luot-offline-banner>`
            : null
      }
      ${
        scope.unknownProfile
          ? html`<p class="warning" role="status" data-testid="profile-warning">${t(lang, 'display.unknownProfile', { id: scope.unknownProfile })}</p>`
          : null
      }
      <main>
        <luot-latest-call
          .call=${latest}
          .serviceName=${latestService ? localized(latestService.name, lang) : ''}
          .language=${lang}
        ></luot-latest-call>
        ${
          listed > 0
            ? html`<luot-ticket-list class="previous" look="display" ordered .heading=${t(lang, 'display.previous')}
              .rows=${previousCallRows(previous, lang, centre?.timeZone ?? 'Asia/Ho_Chi_Minh')}></luot-ticket-list>`
            : null
        }
        ${
          services.length > 0
            ? html`<luot-ticket-list class="queues" look="display" paged .pageSeconds=${this.params.pageSeconds ?? 8} .heading=${t(lang, 'display.waitingTitle')}
              .rows=${queueRows(services, live?.waiting ?? {}, lang)}></luot-ticket-list>`
            : null
        }
        <luot-counter-strip
          .counters=${live ? countersShown(scope, live.counters) : []}
          .services=${live?.services ?? []}
          .language=${lang}
        ></luot-counter-strip>
      </main>
      <luot-notice-ticker .text=${notice}></luot-notice-ticker>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      width: 100vw;
      overflow: hidden;
      background: var(--luot-display-bg);
      color: var(--luot-display-fg);
    }
    header {
      flex: 0 0 auto;
      display: flex;
      align-items: center;
      gap: 2vmin;
      padding: 1.2vmin 3vmin;
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
      --luot-clock-size: 5.5vmin;
    }
    .logo {
      height: 7vmin;
      width: auto;
      object-fit: contain;
    }
    h1 {
      flex: 1 1 0;
      margin: 0;
      font-size: 3.6vmin;
      line-height: 1.15;
      text-transform: uppercase;
    }
    luot-offline-banner {
      --luot-banner-font-size: 4vmin;
    }
    .error,
    .warning {
      margin: 0;
      padding: 1vmin 3vmin;
      font-size: 3.4vmin;
      font-weight: 700;
      text-align: center;
    }
    .error {
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
    }
    .warning {
      background: var(--luot-display-paused, #ffb74d);
      color: #1b1b1b;
    }
    main {
      flex: 1;
      min-height: 0;
      display: grid;
      gap: 2vmin 3vmin;
      padding: 2vmin 3vmin;
    }
    main > * {
      min-width: 0;
      min-height: 0;
    }
    luot-latest-call {
      grid-area: now;
    }
    .previous {
      grid-area: previous;
      --luot-list-columns: var(--luot-call-columns, 2);
      --luot-list-size: var(--luot-call-size, 4.6vmin);
    }
    .queues {
      grid-area: queues;
      --luot-list-columns: var(--luot-queue-columns, 1);
    }
    luot-counter-strip {
      grid-area: counters;
    }
    luot-notice-ticker {
      flex: 0 0 auto;
    }

    /* 16:9 and wider: the call on the left; previous calls, then the queues, in full-height columns. */
    :host([data-layout='landscape']) main {
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 0.7fr) minmax(0, 0.9fr);
      grid-template-rows: minmax(0, 1fr) auto;
      grid-template-areas:
        'now previous queues'
        'counters counters counters';
      --luot-call-columns: 1;
      --luot-call-size: 4vmin;
    }
    :host([data-layout='landscape']) luot-latest-call {
      --luot-display-number-size: 26vmin;
      --luot-display-counter-size: 12vmin;
    }

    /* 9:16: everything stacked; the number can be larger still. */
    :host([data-layout='portrait']) main {
      grid-template-columns: 1fr;
      grid-template-rows: minmax(0, 1fr) auto auto auto;
      grid-template-areas: 'now' 'previous' 'queues' 'counters';
      --luot-call-columns: 2;
      --luot-call-size: 4.2vmin;
      --luot-counter-tile-min: 22vmin;
    }
    /* A tall, narrow header: the sound notice goes under the centre's name. */
    :host([data-layout='portrait']) header {
      flex-wrap: wrap;
      row-gap: 1vmin;
    }
    :host([data-layout='portrait']) luot-sound-state {
      order: 3;
      flex-basis: 100%;
      justify-content: center;
    }
    :host([data-layout='portrait']) luot-latest-call {
      --luot-display-number-size: 28vmin;
      --luot-display-counter-size: 14vmin;
      --luot-display-label-size: 6vmin;
      --luot-display-service-size: 5vmin;
    }
    :host([data-layout='portrait']) .queues {
      --luot-queue-columns: 2;
      max-height: 28vh;
    }
  `;
}

customElements.define('luot-hall-display', LuotHallDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'luot-hall-display': LuotHallDisplay;
  }
}
