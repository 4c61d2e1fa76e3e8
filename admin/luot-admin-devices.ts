import { css, html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { CreatedDeviceToken, DeviceKind, DeviceToken } from '../protocol/auth.schemas.ts';
import type { Counter } from '../protocol/index.ts';
import { errorText, t } from '../web-shared/i18n/i18n.ts';
import { formatIssueTime } from '../web-shared/i18n/time.ts';
import { pairingUrl, sortDevices } from './admin-logic.ts';
import { sectionStyles } from './admin-section.styles.ts';

const KINDS: DeviceKind[] = ['kiosk', 'display', 'bridge', 'rating-screen', 'integration'];

/**
 * Admin section "devices": make a token for a kiosk, display, bridge or a counter's rating screen
 * (its secret and a ready pairing address are shown once), list the tokens with when each was
 * last seen, revoke one.
 */
export class LuotAdminDevices extends AdminSection {
  static override properties = {
    timeZone: { type: String },
    devices: { state: true },
    created: { state: true },
    kind: { state: true },
    counters: { state: true },
  };
  declare timeZone: string;
  declare devices: DeviceToken[];
  /** The kind chosen in the form: a rating screen also needs its counter. */
  declare kind: DeviceKind;
  declare counters: Counter[];
  /** The token just made: the only moment its secret exists outside the device. */
  declare created: CreatedDeviceToken | null;

  constructor() {
    super();
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.devices = [];
    this.created = null;
    this.kind = 'kiosk';
    this.counters = [];
  }

  override firstUpdated() {
    void this.refresh();
  }

  private refresh() {
    return this.run(async () => {
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
      this.counters = (await this.api.listCounters(this.centreId)).filter((c) => c.active).sort((a, b) => a.number - b.number);
    });
  }

  private counterLabel(counterId: string | null): string {
    const counter = this.counters.find((c) => c.id === counterId);
    return counter ? t(this.language, 'admin.devices.forCounter', { n: counter.number }) : (counterId ?? '');
  }

  private async create(e: Event) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const kind = (form.elements.namedItem('kind') as HTMLSelectElement).value as DeviceKind;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value;
    const counterId = kind === 'rating-screen' ? (form.elements.namedItem('counter') as HTMLSelectElement).value : undefined;
    await this.run(async () => {
      this.created = await this.api.createDeviceToken(this.centreId, counterId ? { kind, name, counterId } : { kind, name });
      form.reset();
      this.kind = 'kiosk';
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
    });
  }

  private async revoke(device: DeviceToken) {
    if (this.busy || !confirm(t(this.language, 'admin.devices.confirmRevoke', { name: device.name }))) return;
    await this.run(async () => {
      await this.api.revokeDeviceToken(this.centreId, device.id);
      if (this.created?.device.id === device.id) this.created = null;
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
    });
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.devices.title')}</h2>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      <form @submit=${this.create}>
        <label>${t(lang, 'admin.devices.kind')}
          <select name="kind" data-testid="device-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as DeviceKind)}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(lang, `device.kind.${k}`)}</option>`)}
          </select>
        </label>
        ${
          this.kind === 'rating-screen'
            ? html`<label>${t(lang, 'admin.devices.counter')}
              <select name="counter" required data-testid="device-counter">
                ${this.counters.map((c) => html`<option value=${c.id}>${t(lang, 'admin.devices.forCounter', { n: c.number })}</option>`)}
              </select>
            </label>`
            : null
        }
        <label>${t(lang, 'admin.devices.name')}
          <input name="name" required maxlength="80" data-testid="device-name" />
        </label>
        <button type="submit" ?disabled=${this.busy} data-testid="device-create">${t(lang, 'admin.devices.create')}</button>
      </form>
      ${this.created ? this.renderCreated(this.created) : null}
      ${
        this.devices.length === 0
          ? html`<p class="muted">${t(lang, 'admin.devices.none')}</p>`
          : html`<table>
            <tbody>
              ${this.devices.map(
                (d) => html`<tr data-testid="device-row" data-device-id=${d.id} data-revoked=${d.revokedAt !== null}>
                  <td>${d.name}</td>
                  <td>${t(lang, `device.kind.${d.kind}`)}${d.counterId ? html` · ${this.counterLabel(d.counterId)}` : null}</td>
                  <td class="muted">
                    ${
                      d.revokedAt
                        ? t(lang, 'admin.devices.revoked')
                        : d.lastSeenAt
                          ? t(lang, 'admin.devices.lastSeen', { time: formatIssueTime(d.lastSeenAt, this.timeZone) })
                          : t(lang, 'admin.devices.neverSeen')
                    }
                  </td>
                  <td>
                    ${
                      d.revokedAt
                        ? null
                        : html`<button type="button" class="quiet" ?disabled=${this.busy} data-testid="device-revoke"
                          @click=${() => this.revoke(d)}>${t(lang, 'admin.devices.revoke')}</button>`
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }`;
  }

  private renderCreated(created: CreatedDeviceToken) {
    const lang = this.language;
    const url = pairingUrl(location.origin, created.device.kind, created.token, created.device.counterId);
    return html`<div class="created" data-testid="device-created">
      <p>${t(lang, 'admin.devices.secretOnce', { name: created.device.name })}</p>
      <p><code data-testid="device-token">${created.token}</code></p>
      ${
        url
          ? html`<p>${t(lang, 'admin.devices.pairUrl')}</p>
            <p><a href=${url} target="_blank" rel="noopener noreferrer" data-testid="device-pair-url">${url}</a></p>`
          : null
      }
      <button type="button" class="quiet" @click=${() => (this.created = null)}>${t(lang, 'admin.devices.dismiss')}</button>
    </div>`;
  }

  static override styles = [
    sectionStyles,
    // A secret on screen: keep it legible, selectable, and visibly apart.
    css`
      .created {
        margin: 0 0 1rem;
        padding: 0.75rem 1rem;
        border: 2px dashed var(--luot-accent);
        border-radius: var(--luot-radius);
      }
      .created p {
        margin: 0.3rem 0;
      }
      code,
      a {
        word-break: break-all;
        font-size: 1.05rem;
      }
    `,
  ];
}

customElements.define('luot-admin-devices', LuotAdminDevices);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-devices': LuotAdminDevices;
  }
}
