import { LitElement, css, html } from 'lit';
import type { Account } from '../protocol/auth.schemas.ts';
import type { Centre, Language } from '../protocol/index.ts';
import { createApi, type Api } from '../web-shared/client/api.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { pageShellStyles } from '../web-shared/ui/page-shell.styles.ts';
import { StaffGateController } from '../web-shared/ui/staff-gate.controller.ts';
import './luot-admin-centres.ts';
import './luot-admin-counters.ts';
import './luot-admin-devices.ts';
import './luot-admin-dossiers.ts';
import './luot-admin-appointments.ts';
import './luot-admin-services.ts';
import './luot-admin-settings.ts';
import './luot-admin-display.ts';
import './luot-admin-staff.ts';

/**
 * /admin: the administrator's page. A shell — the staff login gate and header
 * (web-shared/ui/staff-gate.controller.ts), then one element per section (services, counters,
 * centre settings, staff, devices; and the province's centres for a province administrator). Each section loads and saves its own part through the API;
 * when one saves configuration (`luot-config-changed`), `revision` moves on and the sections
 * that show it read it again. See docs/admin.md.
 */
export class LuotAdminApp extends LitElement {
  static override properties = {
    language: { type: String },
    api: { attribute: false },
    revision: { state: true },
  };
  declare language: Language;
  declare api: Api;
  /** Bumped on every saved configuration change. */
  declare revision: number;
  private readonly staff = new StaffGateController(this);

  constructor() {
    super();
    this.language = 'vi';
    // Staff page: the session cookie, never a device token.
    this.api = createApi();
    this.revision = 0;
  }

  override render() {
    const lang = this.language;
    return this.staff.render({
      title: t(lang, 'admin.title'),
      errorTestId: 'admin-error',
      // A province administrator is also an administrator of its own centre (issue #13).
      admits: (role) => role === 'admin' || role === 'province_admin',
      denied: { testId: 'admin-only', text: t(lang, 'admin.onlyAdmins') },
      content: (centre, account) => this.renderSections(centre, account),
    });
  }

  private renderSections(centre: Centre, account: Account | null) {
    const lang = this.language;
    const province = account?.role === 'province_admin';
    return html`<main @luot-config-changed=${() => this.revision++}>
      ${province ? html`<luot-admin-centres .api=${this.api} .centreId=${centre.id} .language=${lang}></luot-admin-centres>` : null}
      <luot-admin-services .api=${this.api} .centreId=${centre.id} .language=${lang}></luot-admin-services>
      <luot-admin-counters .api=${this.api} .centreId=${centre.id} .language=${lang} .revision=${this.revision}></luot-admin-counters>
      <luot-admin-settings .api=${this.api} .centreId=${centre.id} .language=${lang}></luot-admin-settings>
      <luot-admin-display .api=${this.api} .centreId=${centre.id} .language=${lang}></luot-admin-display>
      <luot-admin-staff .api=${this.api} .centreId=${centre.id} .language=${lang} .selfId=${account?.staffId ?? null} .selfRole=${account?.role ?? null}></luot-admin-staff>
      <luot-admin-devices .api=${this.api} .centreId=${centre.id} .timeZone=${centre.timeZone} .language=${lang}></luot-admin-devices>
      <luot-admin-dossiers .api=${this.api} .centreId=${centre.id} .timeZone=${centre.timeZone} .language=${lang}></luot-admin-dossiers>
      <luot-admin-appointments .api=${this.api} .centreId=${centre.id} .language=${lang}></luot-admin-appointments>
    </main>`;
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
