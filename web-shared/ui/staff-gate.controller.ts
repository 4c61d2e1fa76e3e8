import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Account, Role, SessionInfo } from '../../protocol/auth.schemas.ts';
import type { Centre, Language } from '../../protocol/index.ts';
import { resolveCentre, toApiError, type Api, type ApiError } from '../client/api.ts';
import { errorText, localized, t } from '../i18n/i18n.ts';
import { gateOf, staffViewOf } from './login-logic.ts';
import type { LanguageChangeEvent } from './luot-lang-toggle.ts';
import './luot-lang-toggle.ts';
import type { SignedInEvent } from './luot-login.ts';
import './luot-login.ts';

/** The page element the gate belongs to: it owns the API (the session cookie) and the language. */
export interface StaffPageHost extends ReactiveControllerHost {
  api: Api;
  language: Language;
}

/** What differs from one staff page to the next; the gate draws the rest. */
export interface StaffPage {
  /** The page's name in the header, before the centre's. */
  title: string;
  /** The data-testid of the page-wide error line. */
  errorTestId: string;
  /** Whether a role may use the page; the others read `denied`. */
  admits: (role: Role) => boolean;
  denied: { testId: string; text: string };
  /** The page itself, once the session is in and the centre loaded. */
  content: (centre: Centre, account: Account | null) => TemplateResult;
}

/**
 * The login gate of the staff pages (admin, reports): checks the session once the page is up,
 * shows luot-login until the officer is in (and has changed a one-time password), loads the
 * caller's own centre, and draws the header — title and centre, language toggle, who is signed
 * in, logout — with the page-wide error line. The host styles it with pageShellStyles
 * (page-shell.styles.ts) and sets the page's <html lang>. Which role may use the page and what
 * it shows come from the host (StaffPage); the decision itself is login-logic.ts staffViewOf.
 */
export class StaffGateController implements ReactiveController {
  session: SessionInfo | null = null;
  centre: Centre | null = null;
  error: ApiError | null = null;
  private started = false;

  constructor(
    private readonly host: StaffPageHost,
    /** Called with the centre each time it is loaded (after every sign-in). */
    private readonly onCentre: (centre: Centre) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // After the first render rather than now: the page sets its properties right after creating us.
    if (!this.started) {
      this.started = true;
      void this.host.updateComplete.then(() => this.start());
    }
  }

  hostUpdated(): void {
    document.documentElement.lang = this.host.language;
  }

  get account(): Account | null {
    return this.session?.kind === 'staff' ? this.session.account : null;
  }

  private async start(): Promise<void> {
    try {
      this.session = await this.host.api.getSession();
      this.error = null;
      if (gateOf(this.session) === 'in') await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
    this.host.requestUpdate();
  }

  private async loadCentre(): Promise<void> {
    // The account's own centre: a province role (issue #13) lists every centre, its home among them.
    this.centre = await resolveCentre(this.host.api, this.account?.centreId ?? null);
    this.onCentre(this.centre);
  }

  // Arrow functions: lit calls event listeners with the host element as `this`.
  private readonly signedIn = async (e: SignedInEvent) => {
    this.session = e.detail.session;
    this.host.requestUpdate();
    try {
      await this.loadCentre();
    } catch (error) {
      this.error = toApiError(error);
    }
    this.host.requestUpdate();
  };

  private readonly logout = async () => {
    await this.host.api.logout().catch(() => undefined);
    this.session = { kind: 'anonymous' };
    this.centre = null;
    this.host.requestUpdate();
  };

  private readonly setLanguage = (e: LanguageChangeEvent) => {
    this.host.language = e.detail.language;
  };

  render(page: StaffPage): TemplateResult {
    const lang = this.host.language;
    const session = this.session;
    const view = staffViewOf(session, this.centre !== null, page.admits);
    if (view === 'login') {
      return html`<luot-login .api=${this.host.api} .language=${lang} .session=${session?.kind === 'staff' ? session : null}
        @luot-signed-in=${this.signedIn} @luot-language-change=${this.setLanguage}></luot-login>`;
    }
    const account = this.account;
    return html`<header>
        <h1>${page.title}${this.centre ? html` · ${localized(this.centre.name, lang)}` : null}</h1>
        <luot-lang-toggle .language=${lang} @luot-language-change=${this.setLanguage}></luot-lang-toggle>
        ${
          account
            ? html`<span class="who" data-testid="signed-in-as">${t(lang, 'login.signedInAs', { name: account.name })}</span>
              <button type="button" class="logout" data-testid="logout" @click=${this.logout}>${t(lang, 'login.logout')}</button>`
            : null
        }
      </header>
      ${this.error ? html`<p class="error" role="alert" data-testid=${page.errorTestId}>${errorText(lang, this.error.code)}</p>` : null}
      ${
        view === 'denied'
          ? html`<p class="prompt" data-testid=${page.denied.testId}>${page.denied.text}</p>`
          : view === 'page'
            ? page.content(this.centre!, account)
            : html`<p class="prompt">${t(lang, 'app.loading')}</p>`
      }`;
  }
}
