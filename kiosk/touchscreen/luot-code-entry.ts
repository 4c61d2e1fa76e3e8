import { LitElement, css, html } from 'lit';
import type { Language } from '../../protocol/index.ts';
import { toApiError } from '../../web-shared/client/api.ts';
import { errorText, t } from '../../web-shared/i18n/i18n.ts';
import { applyKey, KEYPAD_ROWS, readKey, type CodeKey } from './code-entry-logic.ts';

/** Untouched this long, the code screen goes back to the menu. */
export const IDLE_MS = 60_000;

/**
 * A code screen for the kiosk, generic: a title, a hint, the code as typed, a large on-screen
 * keypad (letters, digits, ".", "-", "_"), and a message line. A USB barcode/QR scanner types
 * like a keyboard and ends with Enter: keystrokes are read on the whole page while this element
 * is shown, no field needs the focus (a kiosk has no one to tap into a field first).
 *
 * Used by result return ("Nhận kết quả", luot-dossier-return.ts); made to be reused for
 * appointment check-in. The owner gives `onSubmit`, called with the upper-cased code; while its
 * promise runs the keypad is busy. It resolves to the reason no ticket came (shown as an error,
 * the code cleared for the next try) or to nothing when it moved on; a thrown API error is shown
 * in words the same way.
 *
 * @fires luot-code-submit - { code } as onSubmit receives it
 * @fires luot-code-cancel - the citizen tapped Back, or left the screen idle for IDLE_MS
 */
export class LuotCodeEntry extends LitElement {
  static override properties = {
    heading: { type: String },
    hint: { type: String },
    language: { type: String },
    message: { type: String },
    messageKind: { type: String },
    onSubmit: { attribute: false },
    code: { state: true },
    busy: { state: true },
    quiet: { state: true },
  };
  /** The screen's title ("Nhận kết quả hồ sơ"). */
  declare heading: string;
  /** One or two lines under the title: what to scan or type. */
  declare hint: string;
  declare language: Language;
  /** What became of the last code (shown under the code); empty for none. */
  declare message: string;
  declare messageKind: 'info' | 'error';
  declare onSubmit: ((code: string) => Promise<string | null>) | null;
  declare code: string;
  declare busy: boolean;
  /** Typing since the message was given hides it (it spoke of the previous code). */
  declare quiet: boolean;
  private readonly onKey = (e: KeyboardEvent) => this.keydown(e);
  private idle: ReturnType<typeof setTimeout> | undefined;
  private readonly poke = () => this.armIdle();

  constructor() {
    super();
    this.heading = '';
    this.hint = '';
    this.language = 'vi';
    this.message = '';
    this.messageKind = 'info';
    this.onSubmit = null;
    this.code = '';
    this.busy = false;
    this.quiet = false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('message')) this.quiet = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    // On the window, in the capture phase: whatever has the focus (nothing, a keypad button),
    // the scanner's characters reach the code.
    window.addEventListener('keydown', this.onKey, true);
    window.addEventListener('keydown', this.poke, true);
    window.addEventListener('pointerdown', this.poke, true);
    this.armIdle();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('keydown', this.poke, true);
    window.removeEventListener('pointerdown', this.poke, true);
    clearTimeout(this.idle);
  }

  /** A citizen who walked away from the code screen must not leave it to the next person. */
  private armIdle() {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.cancel(), IDLE_MS);
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('luot-code-cancel', { bubbles: true, composed: true }));
  }

  /** Clears the code (the owner calls it to start over). */
  reset() {
    this.code = '';
  }

  private keydown(e: KeyboardEvent) {
    const target = e.composedPath()[0];
    // A real text field elsewhere on the page keeps its keys.
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    const key = readKey(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
    if (key.kind === 'ignore') return;
    // Enter on a focused keypad button must not also "click" it; Tab must not move the focus.
    e.preventDefault();
    this.press(key);
  }

  private press(key: CodeKey) {
    if (this.busy) return;
    if (key.kind === 'submit') return void this.submit();
    this.code = applyKey(this.code, key);
    this.quiet = true;
  }

  private async submit() {
    const code = this.code.trim();
    if (!code || this.busy) return;
    this.busy = true;
    this.dispatchEvent(new CustomEvent('luot-code-submit', { detail: { code }, bubbles: true, composed: true }));
    try {
      const refusal = await this.onSubmit?.(code);
      if (refusal) this.refuse(refusal);
    } catch (error) {
      this.refuse(errorText(this.language, toApiError(error).code));
    } finally {
      this.busy = false;
    }
  }

  /** Says why (even the same words as last time) and clears the code for the next try. */
  private refuse(text: string) {
    this.message = text;
    this.messageKind = 'error';
    this.quiet = false;
    this.code = '';
  }

  override render() {
    const lang = this.language;
    const key = (k: CodeKey, label: string, cls = '') =>
      html`<button type="button" class=${cls} ?disabled=${this.busy} @click=${() => this.press(k)}>${label}</button>`;
    return html`<div class="head">
        <h2>${this.heading}</h2>
        <p class="hint">${this.hint}</p>
      </div>
      <div class="code" role="status" aria-label=${t(lang, 'codeEntry.label')} data-testid="code-value">${this.code || '\u00a0'}</div>
      <p class="message ${this.messageKind}" role=${this.messageKind === 'error' ? 'alert' : 'status'} data-testid="code-message">
        ${this.busy ? t(lang, 'codeEntry.checking') : this.quiet ? '' : this.message}
      </p>
      <div class="keypad">
        ${KEYPAD_ROWS.map((row) => html`<div class="row">${row.map((c) => key({ kind: 'char', char: c }, c))}</div>`)}
        <div class="row actions">
          <button type="button" class="back" @click=${() => this.cancel()}>
            ${t(lang, 'codeEntry.back')}
          </button>
          ${key({ kind: 'clear' }, t(lang, 'codeEntry.clear'), 'wide')} ${key({ kind: 'delete' }, `⌫ ${t(lang, 'codeEntry.delete')}`, 'wide')}
          ${key({ kind: 'submit' }, t(lang, 'codeEntry.submit'), 'submit')}
        </div>
      </div>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.8rem;
    }
    .head { text-align: center; }
    h2 { margin: 0; font-size: calc(clamp(2rem, 3.5vw, 3.2rem) * var(--luot-kiosk-scale, 1)); }
    .hint { margin: 0.25rem auto 0; max-width: 50ch; font-size: calc(1.4rem * var(--luot-kiosk-scale, 1)); color: var(--luot-muted); }
    .code {
      min-width: min(90vw, 40rem);
      padding: 0.6rem 1.5rem;
      border: 3px solid var(--luot-accent);
      border-radius: var(--luot-radius);
      background: var(--luot-surface);
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: calc(clamp(2rem, 4vw, 3.2rem) * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      letter-spacing: 0.06em;
      text-align: center;
      word-break: break-all;
    }
    .message { margin: 0; min-height: 2.2rem; font-size: calc(1.6rem * var(--luot-kiosk-scale, 1)); font-weight: 700; text-align: center; max-width: 50ch; }
    .message.error { color: var(--luot-danger); }
    .keypad { display: flex; flex-direction: column; gap: 0.5rem; }
    .row { display: flex; justify-content: center; gap: 0.5rem; }
    button {
      font: inherit;
      font-size: calc(clamp(1.4rem, 2.4vw, 2rem) * var(--luot-kiosk-scale, 1));
      font-weight: 700;
      min-width: clamp(3.5rem, 7vw, 5.5rem);
      min-height: clamp(3.5rem, 8vh, 5rem);
      border-radius: var(--luot-radius);
      border: 2px solid var(--luot-accent);
      background: var(--luot-surface);
      color: var(--luot-fg);
      cursor: pointer;
      touch-action: manipulation;
    }
    button:disabled { opacity: 0.5; }
    .wide { padding: 0 1.2rem; }
    .submit { padding: 0 2rem; background: var(--luot-accent); color: var(--luot-surface); }
    .back { padding: 0 1.2rem; color: var(--luot-accent); }
  `;
}

customElements.define('luot-code-entry', LuotCodeEntry);

declare global {
  interface HTMLElementTagNameMap {
    'luot-code-entry': LuotCodeEntry;
  }
  interface HTMLElementEventMap {
    'luot-code-submit': CustomEvent<{ code: string }>;
    'luot-code-cancel': CustomEvent<void>;
  }
}
