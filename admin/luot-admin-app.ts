import { LitElement, css, html } from 'lit';
import { pageShellStyles } from '../web-shared/ui/page-shell.styles.ts';
import type { SessionInfo } from '../protocol/auth.schemas.ts';
import type { Centre, Language } from '../protocol/index.ts';
import { createApi, resolveCentre, toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';
import { errorText, localized, t } from '../web-shared/i18n/i18n.ts';
import { gateOf } from '../web-shared/ui/login-logic.ts';
import type { LanguageChangeEvent } from '../web-shared/ui/luot-lang-toggle.ts';
import '../web-shared/ui/luot-lang-toggle.ts';
import type { SignedInEvent } from '../web-shared/ui/luot-login.ts';
import '../web-shared/ui/luot-login.ts';
import './luot-admin-counters.ts';
import './luot-admin-devices.ts';
import './luot-admin-services.ts';
import './luot-admin-settings.ts';
import './luot-admin-staff.ts';

/**
 * /admin: the administrator's page. A shell — login gate, header, and one element per section
 * (services, counters, centre settings, staff, devices). Each section loads and saves its own
 * part through the API; when one saves configuration (`luot-config-changed`), `revision` moves
 * on and the sections that show it read it again. See docs/admin.md.
 */
export class LuotAdminApp extends LitElement {
  static override properties = {
    language: { type: String },
    api: { attribute: false },
    session: { state: true },
    centre: { state: true },
    error: { state: true },
    revision: { state: true },
  };
  declare language: Language;
  declare api: Api;
  declare session: SessionInfo | null;
  declare centre: Centre | null;
  declare error: ApiError | null;
  /** Bumped on every saved configuration change. */
  declare revision: number;

  constructor() {
    super();
    this.language = 'vi';
    // Staff page: the session cookie, never a device token.
    this.api = createApi();
    this.session = null;
    this.centre = null;
    this.error = null;
    this.revision = 0;
  }

  override firstUpdated() {
    void this.start();
  }

  override updated() {
    document.documentElement.lang = this.language;
  }

  private async start() {
    try {
      this.session = await this.api.getSession();
      this.error = null;
      if (gateOf(this.session) === 'in') await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  private async loadCentre() {
    // The list holds the caller's own centre only.
    this.centre = await resolveCentre(this.api, null);
  }

  private async signedIn(e: SignedInEvent) {
    this.session = e.detail.session;
    try {
      await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  private async logout() {
    await this.api.logout().catch(() => undefined);
    this.session = { kind: 'anonymous' };
    this.centre = null;
  }

  private setLanguage = (e: LanguageChangeEvent) => {
    this.language = e.detail.language;
  };

  override render() {
    const lang = this.language;
    const session = this.session;
    if (session && gateOf(session) !== 'in') {
      return html`<luot-login .api=${this.api} .language=${lang} .session=${session.kind === 'staff' ? session : null}
        @luot-signed-in=${this.signedIn} @luot-language-change=${this.setLanguage}></luot-login>`;
    }
    const account = session?.kind === 'staff' ? session.account : null;
    return html`<header>
        <h1>${t(lang, 'admin.title')}${this.centre ? html` · ${localized(this.centre.name, lang)}` : null}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${this.setLanguage}></luot-lang-toggle>
        ${account
          ? html`<span class="who" data-testid="signed-in-as">${t(lang, 'login.signedInAs', { name: account.name })}</span>
              <button type="button" class="logout" data-testid="logout" @click=${this.logout}>${t(lang, 'login.logout')}</button>`
          : null}
      </header>
      ${this.error ? html`<p class="error" role="alert" data-testid="admin-error">${errorText(lang, this.error.code)}</p>` : null}
      ${account && account.role !== 'admin'
        ? html`<p class="prompt" data-testid="admin-only">${t(lang, 'admin.onlyAdmins')}</p>`
        : this.centre
          ? html`<main @luot-config-changed=${() => this.revision++}>
              <luot-admin-services .api=${this.api} .centreId=${this.centre.id} .language=${lang}></luot-admin-services>
              <luot-admin-counters .api=${this.api} .centreId=${this.centre.id} .language=${lang} .revision=${this.revision}></luot-admin-counters>
              <luot-admin-settings .api=${this.api} .centreId=${this.centre.id} .language=${lang}></luot-admin-settings>
              <luot-admin-staff .api=${this.api} .centreId=${this.centre.id} .language=${lang} .selfId=${account?.staffId ?? null}></luot-admin-staff>
              <luot-admin-devices .api=${this.api} .centreId=${this.centre.id} .timeZone=${this.centre.timeZone} .language=${lang}></luot-admin-devices>
            </main>`
          : html`<p class="prompt">${t(lang, 'app.loading')}</p>`}`;
  }

  static override styles = [
    pageShellStyles,
    css`
    main { display: grid; gap: 1.5rem; padding: 1.5rem; max-width: 70rem; width: 100%; margin: 0 auto; }
  `,
  ];
}

customElements.define('luot-admin-app', LuotAdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-app': LuotAdminApp;
  }
}
