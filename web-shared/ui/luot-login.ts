import { LitElement, css, html } from 'lit';
import type { Account, SessionInfo } from '../../protocol/auth.schemas.ts';
import type { Language } from '../../protocol/common.schemas.ts';
import { toApiError, type Api } from '../client/api.ts';
import { errorText, t, type MessageKey } from '../i18n/i18n.ts';
import type { LanguageChangeEvent } from './luot-lang-toggle.ts';
import './luot-lang-toggle.ts';
import { newPasswordProblem, throttleNotice } from './login-logic.ts';

export type SignedInEvent = CustomEvent<{ session: Extract<SessionInfo, { kind: 'staff' }> }>;

/**
 * The staff login: username and password, then — when the account has a one-time password —
 * the forced change before anything else. Fires `luot-signed-in` with the session once the
 * officer may work. Errors are localized (server codes through errorText).
 */
export class LuotLogin extends LitElement {
  static override properties = {
    api: { attribute: false },
    language: { type: String },
    session: { attribute: false },
    busy: { state: true },
    problem: { state: true },
  };
  declare api: Api;
  declare language: Language;
  /** A session that must change its password first; null shows the login form. */
  declare session: Extract<SessionInfo, { kind: 'staff' }> | null;
  declare busy: boolean;
  /** A message key (with its parameters), or `error.<code>` text already localized. */
  declare problem: { key: MessageKey; params?: Record<string, number> } | { code: string } | null;
  /** The password just typed at login: the forced change needs it, the officer should not type it twice. */
  private typedPassword: string | null = null;

  constructor() {
    super();
    this.language = 'vi';
    this.session = null;
    this.busy = false;
    this.problem = null;
  }

  override render() {
    const lang = this.language;
    const changing = this.session?.account.mustChangePassword === true;
    return html`<div class="card">
      <div class="top">
        <h2>${t(lang, changing ? 'password.title' : 'login.title')}</h2>
        <luot-lang-toggle .language=${lang} @luot-language-change=${this.relayLanguage}></luot-lang-toggle>
      </div>
      ${changing ? this.renderChange(this.session!.account) : this.renderLogin()}
      ${
        this.problem
          ? html`<p class="error" role="alert" data-testid="login-error">
            ${'key' in this.problem ? t(lang, this.problem.key, this.problem.params) : errorText(lang, this.problem.code)}
          </p>`
          : null
      }
    </div>`;
  }

  private renderLogin() {
    const lang = this.language;
    return html`<form @submit=${this.login}>
      <label>${t(lang, 'login.username')}
        <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required data-testid="login-username" />
      </label>
      <label>${t(lang, 'login.password')}
        <input name="password" type="password" autocomplete="current-password" required data-testid="login-password" />
      </label>
      <button type="submit" ?disabled=${this.busy} data-testid="login-submit">${t(lang, 'login.submit')}</button>
    </form>`;
  }

  private renderChange(account: Account) {
    const lang = this.language;
    return html`<p class="hint">${t(lang, 'password.mustChange')}</p>
      <form @submit=${this.change}>
        <input type="text" name="username" autocomplete="username" .value=${account.username} hidden />
        ${
          this.typedPassword === null
            ? html`<label>${t(lang, 'password.old')}
              <input name="old" type="password" autocomplete="current-password" required data-testid="password-old" />
            </label>`
            : null
        }
        <label>${t(lang, 'password.new')}
          <input name="new" type="password" autocomplete="new-password" required data-testid="password-new" />
        </label>
        <label>${t(lang, 'password.confirm')}
          <input name="confirm" type="password" autocomplete="new-password" required data-testid="password-confirm" />
        </label>
        <button type="submit" ?disabled=${this.busy} data-testid="password-submit">${t(lang, 'password.submit')}</button>
      </form>`;
  }

  private field(form: HTMLFormElement, name: string): string {
    return (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  }

  private async login(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const password = this.field(form, 'password');
    await this.attempt(async () => {
      const session = await this.api.login(this.field(form, 'username'), password);
      if (session.kind !== 'staff') return;
      this.typedPassword = password;
      this.session = session;
      if (!session.account.mustChangePassword) this.done(session);
    });
  }

  private async change(e: Event) {
    e.preventDefault();
    if (this.busy || !this.session) return;
    const form = e.target as HTMLFormElement;
    const oldPassword = this.typedPassword ?? this.field(form, 'old');
    const newPassword = this.field(form, 'new');
    const key = newPasswordProblem(oldPassword, newPassword, this.field(form, 'confirm'));
    if (key) {
      this.problem = { key };
      return;
    }
    const session = this.session;
    await this.attempt(async () => {
      const account = await this.api.changePassword(oldPassword, newPassword);
      this.typedPassword = null;
      this.done({ ...session, account });
    });
  }

  private async attempt(fn: () => Promise<void>) {
    this.busy = true;
    this.problem = null;
    try {
      await fn();
    } catch (error) {
      const e = toApiError(error);
      this.problem = throttleNotice(e.code, e.retryAfterSeconds) ?? { code: e.code };
    } finally {
      this.busy = false;
    }
  }

  private done(session: Extract<SessionInfo, { kind: 'staff' }>) {
    this.dispatchEvent(new CustomEvent('luot-signed-in', { detail: { session }, bubbles: true, composed: true }));
  }

  private relayLanguage(e: LanguageChangeEvent) {
    // The toggle's event bubbles on; the page that owns the language handles it.
    this.language = e.detail.language;
  }

  static override styles = css`
    :host {
      display: flex;
      justify-content: center;
      padding: 3rem 1rem;
    }
    .card {
      width: min(28rem, 100%);
      padding: 1.5rem 1.75rem;
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      box-shadow: var(--luot-shadow);
      color: var(--luot-fg);
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      --luot-toggle-font-size: 0.95rem;
    }
    h2 {
      margin: 0;
      font-size: 1.5rem;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      margin-top: 1.25rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      color: var(--luot-muted);
    }
    input {
      font: inherit;
      font-size: 1.2rem;
      min-height: 3rem;
      padding: 0 0.75rem;
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-border);
      background: var(--luot-surface);
      color: var(--luot-fg);
    }
    button {
      font: inherit;
      font-size: 1.2rem;
      font-weight: 700;
      min-height: 3.25rem;
      border: none;
      border-radius: var(--luot-radius);
      background: var(--luot-accent);
      color: var(--luot-accent-fg);
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.5;
      cursor: wait;
    }
    .hint {
      margin: 1rem 0 0;
    }
    .error {
      margin: 1rem 0 0;
      padding: 0.6rem 0.8rem;
      border-radius: var(--luot-radius);
      background: var(--luot-danger);
      color: var(--luot-danger-fg);
      font-weight: 700;
    }
  `;
}

customElements.define('luot-login', LuotLogin);

declare global {
  interface HTMLElementTagNameMap {
    'luot-login': LuotLogin;
  }
  interface HTMLElementEventMap {
    'luot-signed-in': SignedInEvent;
  }
}
