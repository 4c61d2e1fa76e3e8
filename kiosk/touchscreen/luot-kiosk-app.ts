import { LitElement, html } from 'lit';
import { kioskAppStyles } from './kiosk-app.styles.ts';
import type { Centre, Language, Service } from '../../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../../web-shared/client/api.ts';
import { CentreClient } from '../../web-shared/client/centre-client.ts';
import type { CentreState } from '../../web-shared/client/centre-state.ts';
import { errorText, localized, t } from '../../web-shared/i18n/i18n.ts';
import type { LanguageChangeEvent } from '../../web-shared/ui/luot-lang-toggle.ts';
import '../../web-shared/ui/luot-lang-toggle.ts';
import { priorityText } from '../../web-shared/i18n/queue-text.ts';
import { statusUrl } from '../../web-shared/client/ticket-link.ts';
import './luot-kiosk-menu.ts';
import type { PrioritySelectEvent } from './luot-priority-picker.ts';
import './luot-priority-picker.ts';
import type { ServiceSelectEvent } from './luot-service-menu.ts';
import './luot-ticket-view.ts';
import './luot-print-status.ts';
import './luot-dossier-return.ts';
import './luot-checkin.ts';
import type { IssuedTicket } from '../../protocol/print.schemas.ts';

/** How long to wait before retrying when the server was unreachable at start-up. */
const RELOAD_MS = 5000;
/** With a printer, the ticket stays on screen longer: the print outcome may take the server's timeout (10 s). */
const PRINT_EXTRA_SECONDS = 12;
/** A citizen who chose a priority group and walked away must not hand it to the next person. */
const PRIORITY_IDLE_MS = 30_000;
/** A kiosk left in another language goes back to its own after this long untouched. */
const LANGUAGE_IDLE_MS = 60_000;

/**
 * The touchscreen kiosk: the "Ưu tiên" button and a menu of services with their queues; a tap
 * issues a ticket and shows it until the citizen goes back or `returnSeconds` pass. Services
 * come from the API so the kiosk works even while the live connection is down; waiting counts,
 * estimates and priority groups come from the live `/centre` snapshot.
 */
export class LuotKioskApp extends LitElement {
  static override properties = {
    requestedCentreId: { attribute: false },
    language: { type: String },
    returnSeconds: { type: Number },
    api: { attribute: false },
    centre: { state: true },
    services: { state: true },
    issuingServiceId: { state: true },
    issued: { state: true },
    error: { state: true },
    live: { state: true },
    picking: { state: true },
    priorityGroupId: { state: true },
    returning: { state: true },
    checkingIn: { state: true },
    notice: { state: true },
  };
  /** `?centre=`; null means the first centre of the deployment. */
  declare requestedCentreId: string | null;
  declare language: Language;
  declare returnSeconds: number;
  declare api: Api;
  declare centre: Centre | null;
  declare services: Service[];
  declare issuingServiceId: string | null;
  declare issued: IssuedTicket | null;
  declare error: ApiError | null;
  declare live: CentreState | null;
  /** The priority group screen is showing. */
  declare picking: boolean;
  /** The group the citizen chose for the ticket about to be issued. */
  declare priorityGroupId: string | null;
  /** The "Nhận kết quả" code screen is showing (issue #14). */
  declare returning: boolean;
  /** The "Đã đặt lịch hẹn" code screen is showing (issue #14), and what to say beside the ticket it issued. */
  declare checkingIn: boolean;
  declare notice: string | null;
  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private languageTimer: ReturnType<typeof setTimeout> | undefined;
  /** The kiosk's own language (`?lang=`, Vietnamese by default), which every citizen starts in. */
  private homeLanguage: Language | null = null;
  private client: CentreClient | null = null;

  constructor() {
    super();
    this.requestedCentreId = null;
    this.language = 'vi';
    this.returnSeconds = 8;
    this.api = createApi();
    this.centre = null;
    this.services = [];
    this.issuingServiceId = null;
    this.issued = null;
    this.error = null;
    this.live = null;
    this.picking = false;
    this.priorityGroupId = null;
    this.returning = false;
    this.checkingIn = false;
    this.notice = null;
  }

  // After the first render rather than on connect: the page sets properties right after creating us.
  override firstUpdated() {
    this.homeLanguage = this.language;
    void this.load();
  }

  /**
   * A visitor switched the language: it lasts for their ticket, not for the next citizen (issue
   * #15). Back to the kiosk's language when their ticket screen ends, or after LANGUAGE_IDLE_MS
   * without a touch if they leave without one.
   */
  private setLanguage(language: Language) {
    this.language = language;
    clearTimeout(this.languageTimer);
    if (language !== this.homeLanguage) this.languageTimer = setTimeout(() => this.homeAgain(), LANGUAGE_IDLE_MS);
  }

  private homeAgain() {
    clearTimeout(this.languageTimer);
    if (this.homeLanguage) this.language = this.homeLanguage;
  }

  private readonly touched = () => {
    if (this.language !== this.homeLanguage) this.setLanguage(this.language);
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pointerdown', this.touched, true);
  }

  override updated() {
    document.documentElement.lang = this.language;
    // The centre's large print (issue #15, docs/large-print.md): every kiosk screen's text scales with --luot-kiosk-scale.
    this.toggleAttribute('large-print', this.live?.largePrint === true);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.errorTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.languageTimer);
    window.removeEventListener('pointerdown', this.touched, true);
    this.client?.close();
    this.client = null;
  }

  private async load() {
    try {
      this.centre = await resolveCentre(this.api, this.requestedCentreId);
      const services = await this.api.listServices(this.centre.id);
      this.services = [...services].sort((a, b) => a.sortOrder - b.sortOrder);
      this.error = null;
      if (!this.client) {
        this.client = new CentreClient({ centreId: this.centre.id, token: this.api.deviceToken });
        // Keep the last known figures while offline: issuing still works over HTTP.
        this.client.subscribe((c) => (this.live = c.state ?? this.live));
      }
    } catch (error) {
      // An unattended kiosk must come up by itself once the server is reachable.
      this.error = toApiError(error);
      setTimeout(() => void this.load(), RELOAD_MS);
    }
  }

  private async issue(e: ServiceSelectEvent) {
    // Checked synchronously: the disabled attribute only lands on the next render.
    if (this.issuingServiceId || !this.centre) return;
    this.issuingServiceId = e.detail.serviceId;
    this.error = null;
    try {
      this.issued = await this.api.issueTicket(this.centre.id, e.detail.serviceId, this.priorityGroupId ?? undefined);
      this.setPriority(false, null);
    } catch (error) {
      this.showError(toApiError(error));
    } finally {
      this.issuingServiceId = null;
    }
  }

  /** Enters or leaves the priority flow; while in it, idling long enough leaves it. */
  private setPriority(picking: boolean, groupId: string | null) {
    this.picking = picking;
    this.priorityGroupId = groupId;
    clearTimeout(this.idleTimer);
    if (picking || groupId) this.idleTimer = setTimeout(() => this.setPriority(false, null), PRIORITY_IDLE_MS);
  }

  private showError(error: ApiError) {
    this.error = error;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => (this.error = null), this.returnSeconds * 1000);
  }

  override render() {
    const lang = this.language;
    // The live list wins once it is there: an admin may have changed the services meanwhile.
    const services = this.live ? [...this.live.services].sort((a, b) => a.sortOrder - b.sortOrder) : this.services;
    const groups = this.live?.priorityGroups ?? [];
    const issued = this.issued;
    const service = issued ? (services.find((s) => s.id === issued.ticket.serviceId) ?? null) : null;
    const printJob = issued?.printJob ?? null;
    // The server cannot store tickets (disk full, read-only: docs/faults.md): no menu to tap in
    // vain, an out-of-service notice until the error clears (returnSeconds), then the next try.
    const outOfService = this.error?.code === 'store.unavailable';
    return html`<header>
        <h1>${this.centre ? localized(this.centre.name, lang) : t(lang, 'app.loading')}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${(e: LanguageChangeEvent) => this.setLanguage(e.detail.language)}></luot-lang-toggle>
      </header>
      ${this.error && !outOfService ? html`<p class="error" role="alert" data-testid="kiosk-error">${errorText(lang, this.error.code)}</p>` : null}
      ${issued && this.notice ? html`<p class="notice" role="status" data-testid="kiosk-notice">${this.notice}</p>` : null}
      <main>
        ${
          outOfService
            ? html`<section class="out-of-service" role="alert" data-testid="kiosk-out-of-service">
              <h2>${t(lang, 'kiosk.outOfService')}</h2>
              <p>${t(lang, 'kiosk.outOfServiceHint')}</p>
            </section>`
            : issued
              ? html`${
                  printJob
                    ? html`<luot-print-status
                    .jobId=${printJob.id}
                    .token=${this.api.deviceToken}
                    .followUrl=${statusUrl(location.origin, issued.ticket.id)}
                    .language=${lang}
                  ></luot-print-status>`
                    : null
                }<luot-ticket-view
              .status=${issued}
              .service=${service}
              .centre=${this.centre}
              .priority=${priorityText(lang, groups, issued.ticket.priorityGroupId)}
              .followUrl=${statusUrl(location.origin, issued.ticket.id)}
              .language=${lang}
              .returnSeconds=${this.returnSeconds + (printJob ? PRINT_EXTRA_SECONDS : 0)}
              @luot-ticket-done=${() => ((this.issued = null), (this.notice = null), this.homeAgain())}
            ></luot-ticket-view>`
              : this.checkingIn && this.centre
                ? html`<luot-checkin
                    .centreId=${this.centre.id}
                    .timeZone=${this.centre.timeZone}
                    .deviceToken=${this.api.deviceToken}
                    .language=${lang}
                    @luot-code-cancel=${() => (this.checkingIn = false)}
                    @luot-checkin-issued=${(e: CustomEvent<{ issued: IssuedTicket; message: string }>) => (
                      (this.issued = e.detail.issued),
                      (this.notice = e.detail.message),
                      (this.checkingIn = false)
                    )}
                  ></luot-checkin>`
                : this.returning && this.centre
                  ? html`<luot-dossier-return
                    .centreId=${this.centre.id}
                    .api=${this.api}
                    .language=${lang}
                    @luot-code-cancel=${() => (this.returning = false)}
                    @luot-return-issued=${(e: CustomEvent<{ issued: IssuedTicket }>) => ((this.issued = e.detail.issued), (this.returning = false))}
                  ></luot-dossier-return>`
                  : this.picking
                    ? html`<luot-priority-picker
                .groups=${groups}
                .language=${lang}
                @luot-priority-select=${(e: PrioritySelectEvent) => this.setPriority(false, e.detail.groupId)}
                @luot-priority-cancel=${() => this.setPriority(false, null)}
              ></luot-priority-picker>`
                    : html`<luot-kiosk-menu
                .services=${services}
                .waiting=${this.live?.waiting ?? null}
                .estimates=${this.live?.estimates ?? null}
                .closedMode=${this.live?.kioskClosedServices ?? 'warn'}
                .largePrint=${this.live?.largePrint === true}
                .checkIn=${this.live?.appointmentCheckIn !== false}
                .groups=${groups}
                .priorityGroupId=${this.priorityGroupId}
                .busyServiceId=${this.issuingServiceId}
                .language=${lang}
                @luot-priority-start=${() => this.setPriority(true, null)}
                @luot-return-start=${() => ((this.returning = true), this.setPriority(false, null))}
                @luot-checkin-start=${() => ((this.checkingIn = true), this.setPriority(false, null))}
                @luot-priority-cancel=${() => this.setPriority(false, null)}
                @luot-service-select=${this.issue}
              ></luot-kiosk-menu>`
        }
      </main>`;
  }

  static override styles = kioskAppStyles;
}

customElements.define('luot-kiosk-app', LuotKioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'luot-kiosk-app': LuotKioskApp;
  }
}
