import { LitElement, css, html } from 'lit';
import type { DeviceKind, DeviceToken, Language } from '../../protocol/index.ts';
import { createApi, toApiError, type Api } from '../client/api.ts';
import { cleanCode, displayCode, isComplete, PAIRING_KEYS, pressKey, type PairingKey } from '../client/pairing-logic.ts';
import { DEVICE_TOKEN_KEY, keepDeviceToken } from '../client/session.ts';
import { errorText, t } from '../i18n/i18n.ts';

/** The kinds a person pairs at the device's own screen. */
export type PairableKind = Extract<DeviceKind, 'kiosk' | 'display' | 'rating-screen'>;

/** The keypad's rows: the server's alphabet (digits 2–9, letters without I, L, O), eight a row. */
const ROWS = [PAIRING_KEYS.slice(0, 8), PAIRING_KEYS.slice(8, 16), PAIRING_KEYS.slice(16, 24), PAIRING_KEYS.slice(24)].map((r) => [...r]);

/**
 * "Ghép thiết bị / Pair this device" (issue #15): shown by a kiosk, hall display or rating screen
 * started without a device token. The 8-character code from the admin page is typed on the big
 * on-screen keypad or a keyboard (letters in any case; spaces and dashes are ignored), sent once
 * to redeemPairingCode, and the token it answers is kept exactly as `?pair=` keeps it
 * (session.ts keepDeviceToken). A wrong code says why and clears the keypad.
 *
 * @fires luot-paired - { token, device } once the token is kept
 */
export class LuotPairing extends LitElement {
  static override properties = {
    language: { type: String },
    kind: { type: String },
    storageKey: { type: String },
    code: { state: true },
    busy: { state: true },
    error: { state: true },
    paired: { state: true },
  };
  declare language: Language;
  declare kind: PairableKind;
  /** Where the token is kept (a rating screen has its own key). */
  declare storageKey: string;
  declare code: string;
  declare busy: boolean;
  /** The last refusal's error code, shown in words. */
  declare error: string | null;
  declare paired: DeviceToken | null;
  api: Api = createApi('', undefined, { credentials: 'omit' });
  private readonly onKey = (e: KeyboardEvent) => this.keydown(e);

  constructor() {
    super();
    this.language = 'vi';
    this.kind = 'kiosk';
    this.storageKey = DEVICE_TOKEN_KEY;
    this.code = '';
    this.busy = false;
    this.error = null;
    this.paired = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    // A display has a keyboard at setup time: its keys reach the code whatever has the focus.
    window.addEventListener('keydown', this.onKey, true);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey, true);
  }

  private keydown(e: KeyboardEvent) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'Enter') void this.submit();
    else if (e.key === 'Backspace') this.press('back');
    else if (e.key === 'Escape') this.press('clear');
    else if (e.key.length === 1 && cleanCode(e.key) !== '') this.press(e.key);
    else return;
    e.preventDefault();
  }

  private press(key: PairingKey) {
    if (this.busy || this.paired) return;
    this.code = pressKey(this.code, key);
    if (key !== 'back' && key !== 'clear') this.error = null;
  }

  private async submit() {
    if (this.busy || this.paired || !isComplete(this.code)) return;
    this.busy = true;
    try {
      const redeemed = await this.api.redeemPairingCode({ code: this.code, kind: this.kind });
      if (!keepDeviceToken(redeemed.token, undefined, this.storageKey)) throw new Error('not a device token');
      this.paired = redeemed.device;
      this.dispatchEvent(new CustomEvent('luot-paired', { detail: redeemed, bubbles: true, composed: true }));
    } catch (error) {
      this.error = toApiError(error).code;
      this.code = '';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const lang = this.language;
    const locked = this.busy || this.paired !== null;
    const key = (k: PairingKey, label: string, cls = '', testid = '') =>
      html`<button type="button" class=${cls} data-testid=${testid || `pair-key-${k}`} ?disabled=${locked} @click=${() => this.press(k)}>${label}</button>`;
    return html`<main data-testid="pairing-screen">
      <h1>${t(lang, 'pairing.title')}</h1>
      <p class="intro">${t(lang, 'pairing.intro')}</p>
      <p class="kind">${t(lang, 'pairing.as', { kind: t(lang, `device.kind.${this.kind}`) })}</p>
      <div class="code" role="status" aria-label=${t(lang, 'pairing.code')} data-testid="pairing-code">${displayCode(this.code)}</div>
      <p class="message ${this.error ? 'error' : ''}" role=${this.error ? 'alert' : 'status'} data-testid="pairing-message">
        ${
          this.paired
            ? t(lang, 'pairing.done', { name: this.paired.name })
            : this.busy
              ? t(lang, 'pairing.busy')
              : this.error
                ? errorText(lang, this.error)
                : '\u00a0'
        }
      </p>
      <div class="keypad">
        ${ROWS.map((row) => html`<div class="row">${row.map((c) => key(c, c))}</div>`)}
        <div class="row">
          ${key('clear', t(lang, 'pairing.clear'), 'wide', 'pair-clear')} ${key('back', `⌫ ${t(lang, 'pairing.backspace')}`, 'wide', 'pair-back')}
          <button type="button" class="submit" data-testid="pair-submit" ?disabled=${locked || !isComplete(this.code)} @click=${() => this.submit()}>
            ${t(lang, 'pairing.submit')}
          </button>
        </div>
      </div>
    </main>`;
  }

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      box-sizing: border-box;
      padding: 1.5rem;
      background: var(--luot-bg);
      color: var(--luot-fg);
      font-family: var(--luot-font-family);
    }
    main {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.7rem;
      text-align: center;
    }
    h1 {
      margin: 0;
      font-size: clamp(2.2rem, 5vw, 3.6rem);
      color: var(--luot-accent);
    }
    .intro {
      margin: 0;
      max-width: 48ch;
      font-size: clamp(1.1rem, 2vw, 1.5rem);
    }
    .kind {
      margin: 0;
      color: var(--luot-muted);
      font-size: 1.2rem;
    }
    .code {
      padding: 0.4rem 1.5rem;
      border: 3px solid var(--luot-accent);
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: clamp(2.4rem, 6vw, 4rem);
      font-weight: 700;
      letter-spacing: 0.12em;
    }
    .message {
      margin: 0;
      min-height: 2rem;
      max-width: 48ch;
      font-size: 1.4rem;
      font-weight: 700;
    }
    .message.error {
      color: var(--luot-danger);
    }
    .keypad {
      display: flex;
      flex-direction: column;
      gap: 0.45rem;
    }
    .row {
      display: flex;
      justify-content: center;
      gap: 0.45rem;
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      font-size: clamp(1.3rem, 2.6vw, 2rem);
      font-weight: 700;
      min-width: clamp(3.2rem, 8vw, 5rem);
      min-height: clamp(3.2rem, 7vw, 4.6rem);
      border: 2px solid var(--luot-border);
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      color: var(--luot-fg);
      cursor: pointer;
      touch-action: manipulation;
    }
    button.wide {
      min-width: 9rem;
      font-size: 1.2rem;
    }
    button.submit {
      min-width: 12rem;
      background: var(--luot-accent);
      border-color: var(--luot-accent);
      color: var(--luot-accent-fg);
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
  `;
}

customElements.define('luot-pairing', LuotPairing);

declare global {
  interface HTMLElementTagNameMap {
    'luot-pairing': LuotPairing;
  }
}

/**
 * A device page's start (issue #15): with a device token, start at once. Without one, a staff
 * session (an officer previewing a kiosk or display on their own PC) starts too, except on a
 * rating screen, which never rates with a session; anything else shows the pairing screen and
 * starts once a code is redeemed, without a reload.
 */
export async function pairThenStart(options: {
  kind: PairableKind;
  token: string | null;
  language: Language;
  storageKey?: string;
  start: (token: string | null, device: DeviceToken | null) => void;
}): Promise<void> {
  if (options.token) return options.start(options.token, null);
  if (options.kind !== 'rating-screen') {
    const session = await createApi()
      .getSession()
      .catch(() => null);
    if (session?.kind === 'staff') return options.start(null, null);
  }
  const screen = document.createElement('luot-pairing');
  screen.kind = options.kind;
  screen.language = options.language;
  if (options.storageKey) screen.storageKey = options.storageKey;
  screen.addEventListener('luot-paired', (e) => {
    const { token, device } = (e as CustomEvent<{ token: string; device: DeviceToken }>).detail;
    // A moment to read "Paired as …", then the page itself.
    setTimeout(() => {
      screen.remove();
      options.start(token, device);
    }, 800);
  });
  document.body.append(screen);
}
