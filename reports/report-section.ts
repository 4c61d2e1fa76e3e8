import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import { toApiError, type Api, type ApiError } from '../web-shared/client/api.ts';
import type { ReportRange } from './reports-logic.ts';

/**
 * What every part of the reports page shares: the API, the centre, the language and the period,
 * and one way to load — the latest request wins (an older answer arriving late is dropped) and an
 * error is kept to show in the manager's language. A section reloads when its inputs change.
 */
export abstract class ReportSection extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    centreId: { type: String },
    timeZone: { type: String },
    language: { type: String },
    range: { attribute: false },
    today: { type: String },
    loading: { state: true },
    error: { state: true },
  };
  declare api: Api;
  declare centreId: string;
  declare timeZone: string;
  declare language: Language;
  declare range: ReportRange;
  declare today: string;
  declare loading: boolean;
  declare error: ApiError | null;
  private generation = 0;

  constructor() {
    super();
    this.centreId = '';
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.language = 'vi';
    this.range = { from: '', to: '' };
    this.today = '';
    this.loading = false;
    this.error = null;
  }

  /** The properties whose change means loading again (besides centre and range). */
  protected reloadOn(): string[] {
    return [];
  }

  /** Fetches what the section shows; `current()` is false once a newer load started. */
  protected abstract load(current: () => boolean): Promise<void>;

  override willUpdate(changed: PropertyValues) {
    const keys = ['centreId', 'range', ...this.reloadOn()];
    if (this.centreId && this.range.from && keys.some((k) => changed.has(k as keyof this))) void this.reload();
  }

  protected async reload(): Promise<void> {
    const mine = ++this.generation;
    const current = () => mine === this.generation;
    this.loading = true;
    this.error = null;
    try {
      await this.load(current);
    } catch (error) {
      if (current()) this.error = toApiError(error);
    } finally {
      if (current()) this.loading = false;
    }
  }
}
