import { LitElement, html } from 'lit';
import type { Account } from '../protocol/auth.schemas.ts';
import type { Language } from '../protocol/common.schemas.ts';
import { toApiError, type Api, type ApiError } from '../web-shared/api.ts';
import { errorText, t } from '../web-shared/i18n.ts';
import { sectionStyles } from './admin-section.styles.ts';

/** Admin section "staff": the centre's accounts with their roles. (Editing them comes next.) */
export class LuotAdminStaff extends LitElement {
  static override properties = {
    api: { attribute: false },
    centreId: { type: String },
    language: { type: String },
    accounts: { state: true },
    error: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare language: Language;
  declare accounts: Account[];
  declare error: ApiError | null;

  constructor() {
    super();
    this.centreId = '';
    this.language = 'vi';
    this.accounts = [];
    this.error = null;
  }

  override async firstUpdated() {
    try {
      this.accounts = await this.api.listStaff(this.centreId);
    } catch (error) {
      this.error = toApiError(error);
    }
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.staff.title')}</h2>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      <table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.staff.username')}</th>
            <th>${t(lang, 'admin.staff.name')}</th>
            <th>${t(lang, 'admin.staff.role')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.accounts.map(
            (a) => html`<tr data-testid="staff-row">
              <td><code>${a.username}</code></td>
              <td>${a.name}</td>
              <td>${t(lang, `role.${a.role}`)}${a.active ? null : html` · <span class="muted">${t(lang, 'admin.staff.inactive')}</span>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  static override styles = sectionStyles;
}

customElements.define('luot-admin-staff', LuotAdminStaff);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-staff': LuotAdminStaff;
  }
}
