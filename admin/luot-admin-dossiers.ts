import { css, html } from 'lit';
import type { CentreSettings, DossierCsvImportResult, Service, WebhookDelivery } from '../protocol/index.ts';
import { errorText, localized, t } from '../web-shared/i18n/i18n.ts';
import { formatIssueTime } from '../web-shared/i18n/time.ts';
import { AdminSection } from './admin-section.ts';
import { sectionStyles } from './admin-section.styles.ts';

/**
 * Admin section "dossiers" (issue #14, docs/dossiers.md): the centre's result-return settings
 * (unknown codes, return queue, the dossier webhook and its secret), the CSV import of the
 * dossier system's export through the same upsert as the API (lines accepted, each rejected line
 * with its number and why), and the webhook outbox (pending, delivered, failed).
 */
export class LuotAdminDossiers extends AdminSection {
  static override properties = {
    timeZone: { type: String },
    result: { state: true },
    settings: { state: true },
    services: { state: true },
    deliveries: { state: true },
    saved: { state: true },
  };
  declare timeZone: string;
  declare result: DossierCsvImportResult | null;
  declare settings: CentreSettings | null;
  declare services: Service[];
  declare deliveries: WebhookDelivery[];
  declare saved: boolean;

  constructor() {
    super();
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.result = null;
    this.settings = null;
    this.services = [];
    this.deliveries = [];
    this.saved = false;
  }

  override firstUpdated() {
    void this.refresh();
  }

  private refresh() {
    return this.run(async () => {
      this.settings = await this.api.getSettings(this.centreId);
      this.services = (await this.api.listServices(this.centreId)).filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
      this.deliveries = (await this.api.listWebhookDeliveries(this.centreId)).deliveries.slice(0, 20);
    });
  }

  private async saveSettings(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    await this.run(async () => {
      this.saved = false;
      // Read now: another section may have saved settings meanwhile; PUT replaces them all.
      const current = await this.api.getSettings(this.centreId);
      const secret = value('webhookSecret');
      this.settings = await this.api.putSettings(this.centreId, {
        ...current,
        unknownDossier: value('unknownDossier') === 'issue-flagged' ? 'issue-flagged' : 'refuse',
        dossierReturnServiceId: value('dossierReturnServiceId') || null,
        dossierWebhookUrl: value('dossierWebhookUrl') || null,
        // Empty keeps the secret already set (it is not shown back).
        webhookSecret: secret || current.webhookSecret,
      });
      this.saved = true;
    });
  }

  private async import(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    await this.run(async () => {
      this.result = null;
      this.result = await this.api.importDossiersCsv(this.centreId, await file.text());
    });
  }

  override render() {
    const lang = this.language;
    const result = this.result;
    const s = this.settings;
    return html`<h2>${t(lang, 'admin.dossiers.title')}</h2>
      ${this.error ? html`<p class="error" role="alert" data-testid="dossiers-error">${errorText(lang, this.error.code)}: ${this.error.message}</p>` : null}
      ${
        s
          ? html`<form @submit=${this.saveSettings} data-testid="dossier-settings">
              <label>${t(lang, 'admin.dossiers.unknown')}
                <select name="unknownDossier">
                  <option value="refuse" ?selected=${s.unknownDossier === 'refuse'}>${t(lang, 'admin.dossiers.unknown.refuse')}</option>
                  <option value="issue-flagged" ?selected=${s.unknownDossier === 'issue-flagged'}>${t(lang, 'admin.dossiers.unknown.flagged')}</option>
                </select>
              </label>
              <label>${t(lang, 'admin.dossiers.returnService')}
                <select name="dossierReturnServiceId">
                  <option value="">—</option>
                  ${this.services.map((sv) => html`<option value=${sv.id} ?selected=${sv.id === s.dossierReturnServiceId}>${localized(sv.name, lang)}</option>`)}
                </select>
              </label>
              <label>${t(lang, 'admin.dossiers.webhookUrl')}
                <input name="dossierWebhookUrl" type="url" maxlength="500" .value=${s.dossierWebhookUrl ?? ''} placeholder="https://…" />
              </label>
              <label>${t(lang, s.webhookSecret ? 'admin.dossiers.secretSet' : 'admin.dossiers.secret')}
                <input name="webhookSecret" type="password" minlength="16" maxlength="200" autocomplete="off" />
              </label>
              <button type="submit" ?disabled=${this.busy}>${t(lang, 'admin.dossiers.save')}</button>
              ${this.saved ? html`<span role="status">✓</span>` : null}
            </form>`
          : null
      }
      <h3>${t(lang, 'admin.dossiers.importTitle')}</h3>
      <p class="muted">${t(lang, 'admin.dossiers.help')}</p>
      <form @submit=${this.import}>
        <label>${t(lang, 'admin.dossiers.file')}
          <input type="file" name="file" accept=".csv,text/csv" required data-testid="dossiers-file" />
        </label>
        <button type="submit" ?disabled=${this.busy} data-testid="dossiers-import">${t(lang, 'admin.dossiers.import')}</button>
      </form>
      ${
        result
          ? html`<p role="status" data-testid="dossiers-result">
                ${t(lang, 'admin.dossiers.result', { accepted: result.accepted, rejected: result.rejected.length })}
              </p>
              ${
                result.rejected.length
                  ? html`<table data-testid="dossiers-rejected">
                      <thead>
                        <tr><th>${t(lang, 'admin.dossiers.line')}</th><th>${t(lang, 'admin.dossiers.code')}</th><th>${t(lang, 'admin.dossiers.reason')}</th></tr>
                      </thead>
                      <tbody>
                        ${result.rejected.map((r) => html`<tr data-testid="dossiers-rejected-row"><td>${r.line}</td><td>${r.code ?? ''}</td><td>${r.message}</td></tr>`)}
                      </tbody>
                    </table>`
                  : null
              }`
          : null
      }
      <h3>${t(lang, 'admin.webhooks.title')}</h3>
      ${
        this.deliveries.length === 0
          ? html`<p class="muted">${t(lang, 'admin.webhooks.none')}</p>`
          : html`<table data-testid="webhook-deliveries">
              <tbody>
                ${this.deliveries.map(
                  (d) => html`<tr>
                    <td>${formatIssueTime(d.createdAt, this.timeZone)}</td>
                    <td>${d.kind}</td>
                    <td class=${d.status}>${t(lang, `admin.webhooks.${d.status}`)} (${d.attempts})</td>
                    <td class="muted">${d.lastError ?? ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }

  static override styles = [
    sectionStyles,
    css`
      h3 { margin: 1.25rem 0 0.5rem; font-size: 1.1rem; }
      th { text-align: left; }
      .failed { color: var(--luot-danger); font-weight: 700; }
      .delivered { color: var(--luot-ok); }
    `,
  ];
}

customElements.define('luot-admin-dossiers', LuotAdminDossiers);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-dossiers': LuotAdminDossiers;
  }
}
