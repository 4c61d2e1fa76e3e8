import { html, nothing } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import type { ApiError } from '../web-shared/client/api.ts';
import { apiErrorText, hintText, type FieldLabels, type Hint } from './admin-form.ts';

/**
 * What an admin section shows above its form: the API's refusal in the page's language (naming
 * the fields a validation error is about) and the hints found before sending.
 */
export function feedback(lang: Language, error: ApiError | null, hints: readonly Hint[], labels: FieldLabels) {
  return html`${error ? html`<p class="error" role="alert" data-testid="admin-section-error">${apiErrorText(lang, error, labels)}</p>` : nothing}
  ${
    hints.length
      ? html`<ul class="hints" role="alert" data-testid="admin-hints">
        ${hints.map((h) => html`<li>${hintText(lang, h, labels)}</li>`)}
      </ul>`
      : nothing
  }`;
}

/** A section saved part of the centre's configuration: the page tells the sections that list it. */
export type ConfigChangedEvent = CustomEvent<{ what: 'service' | 'counter' | 'settings' }>;

export const configChanged = (what: ConfigChangedEvent['detail']['what']): ConfigChangedEvent =>
  new CustomEvent('luot-config-changed', { detail: { what }, bubbles: true, composed: true });
