import { css, html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { DeviceKind, DeviceToken } from '../protocol/auth.schemas.ts';
import type { Counter } from '../protocol/index.ts';
import type { CreatedDeviceWithPairing, PairingInfo } from '../protocol/pairing.schemas.ts';
import { formatCountdown, isLoopbackHost, pairingBase, secondsLeft } from '../web-shared/client/pairing-logic.ts';
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
    info: { state: true },
    qr: { state: true },
    now: { state: true },
    pairingRevoked: { state: true },
  };
  declare timeZone: string;
  declare devices: DeviceToken[];
  /** The kind chosen in the form: a rating screen also needs its counter. */
  declare kind: DeviceKind;
  declare counters: Counter[];
  /** The token just made: the only moment its secret exists outside the device. */
  declare created: CreatedDeviceWithPairing | null;
  /** PUBLIC_URL as the server has it (issue #15): null until read. */
  declare info: PairingInfo | null;
  /** The pairing address as a QR code (data: URL). */
  declare qr: string | null;
  /** Ticks every second while a pairing code is on screen (its countdown). */
  declare now: number;
  declare pairingRevoked: boolean;
  private tick: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.devices = [];
    this.created = null;
    this.kind = 'kiosk';
    this.counters = [];
    this.info = null;
    this.qr = null;
    this.now = Date.now();
    this.pairingRevoked = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.tick);
  }

  override firstUpdated() {
    void this.refresh();
  }

  private refresh() {
    return this.run(async () => {
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
      this.counters = (await this.api.listCounters(this.centreId)).filter((c) => c.active).sort((a, b) => a.number - b.number);
      this.info = await this.api.getPairingInfo(this.centreId);
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
      this.showPairing(this.created);
      form.reset();
      this.kind = 'kiosk';
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
    });
  }

  /** The QR code of the pairing address and the code's countdown (issue #15). */
  private showPairing(created: CreatedDeviceWithPairing) {
    this.qr = null;
    this.pairingRevoked = false;
    clearInterval(this.tick);
    this.now = Date.now();
    if (created.pairing) this.tick = setInterval(() => (this.now = Date.now()), 1000);
    const url = this.pairingAddress(created);
    if (!url) return;
    void import('qrcode').then(async ({ default: QRCode }) => {
      const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, scale: 5 }).catch(() => null);
      if (this.created === created) this.qr = qr;
    });
  }

  private pairingAddress(created: CreatedDeviceWithPairing): string | null {
    return pairingUrl(pairingBase(this.info?.publicUrl ?? null, location.origin), created.device.kind, created.token, created.device.counterId);
  }

  private async withdrawCode(created: CreatedDeviceWithPairing) {
    if (this.busy) return;
    await this.run(async () => {
      await this.api.revokePairingCode(this.centreId, created.device.id);
      this.pairingRevoked = true;
      clearInterval(this.tick);
    });
  }

  private dismiss() {
    this.created = null;
    this.qr = null;
    clearInterval(this.tick);
  }

  /** PUBLIC_URL unset: addresses use this page's origin, and a loopback one reaches no other device. */
  private renderPublicUrlWarning() {
    if (!this.info || this.info.publicUrl !== null) return null;
    const lang = this.language;
    return html`<div class="warning" role="note" data-testid="public-url-warning">
      <p>${t(lang, 'admin.pairing.noPublicUrl', { origin: location.origin })}</p>
      ${isLoopbackHost(location.hostname) ? html`<p data-testid="loopback-warning">${t(lang, 'admin.pairing.loopback', { host: location.hostname })}</p>` : null}
    </div>`;
  }

  private renderPairingCode(created: CreatedDeviceWithPairing) {
    const pairing = created.pairing;
    if (!pairing) return null;
    const lang = this.language;
    const left = secondsLeft(pairing.expiresAt, this.now);
    if (this.pairingRevoked) return html`<p class="muted" data-testid="pairing-revoked">${t(lang, 'admin.pairing.revoked')}</p>`;
    return html`<p>${t(lang, 'admin.pairing.code')}</p>
      <p class="pair-code" data-testid="pairing-code">${pairing.code}</p>
      <p class="muted" data-testid="pairing-expiry">
        ${left > 0 ? t(lang, 'admin.pairing.expiresIn', { time: formatCountdown(left) }) : t(lang, 'admin.pairing.expired')}
      </p>
      ${
        left > 0
          ? html`<button type="button" class="quiet" ?disabled=${this.busy} data-testid="pairing-revoke" @click=${() => this.withdrawCode(created)}>
              ${t(lang, 'admin.pairing.revoke')}
            </button>`
          : null
      }`;
  }

  private async revoke(device: DeviceToken) {
    if (this.busy || !confirm(t(this.language, 'admin.devices.confirmRevoke', { name: device.name }))) return;
    await this.run(async () => {
      await this.api.revokeDeviceToken(this.centreId, device.id);
      if (this.created?.device.id === device.id) this.dismiss();
      this.devices = sortDevices(await this.api.listDeviceTokens(this.centreId));
    });
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.devices.title')}</h2>
      ${this.error ? html`<p class="error" role="alert">${errorText(lang, this.error.code)}</p>` : null}
      ${this.renderPublicUrlWarning()}
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

  private renderCreated(created: CreatedDeviceWithPairing) {
    const lang = this.language;
    const url = this.pairingAddress(created);
    return html`<div class="created" data-testid="device-created">
      <p>${t(lang, 'admin.devices.secretOnce', { name: created.device.name })}</p>
      <p><code data-testid="device-token">${created.token}</code></p>
      ${
        url
          ? html`<p>${t(lang, 'admin.devices.pairUrl')}</p>
            <p><a href=${url} target="_blank" rel="noopener noreferrer" data-testid="device-pair-url">${url}</a></p>
            ${
              this.qr
                ? html`<p>${t(lang, 'admin.pairing.qr')}</p>
                  <img class="qr" src=${this.qr} alt=${url} data-testid="device-pair-qr" />`
                : null
            }`
          : null
      }
      ${this.renderPairingCode(created)}
      <button type="button" class="quiet" @click=${() => this.dismiss()}>${t(lang, 'admin.devices.dismiss')}</button>
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
      .qr {
        display: block;
        width: 12rem;
        height: 12rem;
        image-rendering: pixelated;
      }
      .pair-code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 2rem;
        font-weight: 700;
        letter-spacing: 0.1em;
      }
      .warning {
        margin: 0 0 1rem;
        padding: 0.6rem 1rem;
        border-left: 6px solid var(--luot-danger);
        background: var(--luot-surface);
      }
      .warning p {
        margin: 0.25rem 0;
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
