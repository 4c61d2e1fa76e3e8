import { LitElement, css, html } from 'lit';
import type { IssuedTicket, Language } from '../../protocol/index.ts';
import type { Api } from '../../web-shared/client/api.ts';
import { t } from '../../web-shared/i18n/i18n.ts';
import { returnMessage } from './dossier-return-logic.ts';
import './luot-code-entry.ts';

/**
 * "Nhận kết quả" (issue #14): the code screen (luot-code-entry.ts) asks the server what the
 * dossier code leads to. A ticket: `luot-return-issued` and the kiosk shows it like any ticket.
 * No ticket (not ready, already returned, unknown): the reason on this screen, in plain words.
 *
 * @fires luot-return-issued - { issued } a return ticket was issued
 * @fires luot-code-cancel - (from luot-code-entry) Back, or idle too long
 */
export class LuotDossierReturn extends LitElement {
  static override properties = {
    centreId: { type: String },
    api: { attribute: false },
    language: { type: String },
  };
  declare centreId: string;
  declare api: Api | null;
  declare language: Language;

  constructor() {
    super();
    this.centreId = '';
    this.api = null;
    this.language = 'vi';
  }

  private readonly submit = async (code: string): Promise<string | null> => {
    if (!this.api) return null;
    const result = await this.api.requestDossierReturn(this.centreId, code);
    if (result.outcome !== 'issued') return returnMessage(this.language, result, code);
    this.dispatchEvent(new CustomEvent('luot-return-issued', { detail: { issued: result.issued }, bubbles: true, composed: true }));
    return null;
  };

  override render() {
    const lang = this.language;
    return html`<luot-code-entry
      .heading=${t(lang, 'kiosk.return.title')}
      .hint=${t(lang, 'kiosk.return.hint')}
      .language=${lang}
      .onSubmit=${this.submit}
      data-testid="dossier-return"
    ></luot-code-entry>`;
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; justify-content: center; }
  `;
}

customElements.define('luot-dossier-return', LuotDossierReturn);

declare global {
  interface HTMLElementTagNameMap {
    'luot-dossier-return': LuotDossierReturn;
  }
  interface HTMLElementEventMap {
    'luot-return-issued': CustomEvent<{ issued: IssuedTicket }>;
  }
}
