import { LitElement, type PropertyDeclarations } from 'lit';
import type { Language } from '../protocol/index.ts';
import { toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';

/**
 * What every section of the admin page shares: the API, its centre and language, and one way to
 * run a request — the section is busy meanwhile (buttons disabled, no double submit) and an API
 * error is kept for the section to show in the admin's language.
 */
export class AdminSection extends LitElement {
  // Typed wide so each section declares its own; Lit merges them with these.
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    centreId: { type: String },
    language: { type: String },
    busy: { state: true },
    error: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare language: Language;
  declare busy: boolean;
  declare error: ApiError | null;

  constructor() {
    super();
    this.centreId = '';
    this.language = 'vi';
    this.busy = false;
    this.error = null;
  }

  protected async run(fn: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await fn();
    } catch (error) {
      this.error = toApiError(error);
    } finally {
      this.busy = false;
    }
  }
}
