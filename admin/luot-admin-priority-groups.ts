import { LitElement, css, html } from 'lit';
import type { Language } from '../protocol/common.schemas.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { renameGroup, type GroupForm } from './settings-form.ts';

export type GroupsChangeEvent = CustomEvent<{ groups: GroupForm[] }>;

/**
 * The priority groups (đối tượng ưu tiên) of the settings form: id, names in Vietnamese and
 * English, in use or not; rows added and removed. Ids of saved groups stay fixed (tickets and
 * the audit trail name them); a group no longer offered is switched off rather than removed.
 * Emits `luot-groups-change` with the whole list on every edit.
 */
export class LuotAdminPriorityGroups extends LitElement {
  static override properties = {
    groups: { attribute: false },
    savedCount: { type: Number },
    hints: { attribute: false },
    language: { type: String },
  };
  declare groups: GroupForm[];
  /** The first rows are the groups the centre has saved: their ids are fixed and they are not removed. */
  declare savedCount: number;
  declare hints: Hint[];
  declare language: Language;

  constructor() {
    super();
    this.groups = [];
    this.savedCount = 0;
    this.hints = [];
    this.language = 'vi';
  }

  private emit(groups: GroupForm[]) {
    this.dispatchEvent(new CustomEvent('luot-groups-change', { detail: { groups }, bubbles: true, composed: true }) satisfies GroupsChangeEvent);
  }

  private change(index: number, change: (g: GroupForm, isNew: boolean) => GroupForm) {
    this.emit(this.groups.map((g, i) => (i === index ? change(g, i >= this.savedCount) : g)));
  }

  override render() {
    const lang = this.language;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.groups.nameVi')}</th>
            <th>${t(lang, 'admin.groups.nameEn')}</th>
            <th>${t(lang, 'admin.groups.id')}</th>
            <th>${t(lang, 'admin.active')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.groups.map((g, i) => {
            const saved = i < this.savedCount;
            return html`<tr data-testid="group-row" data-group-id=${g.id}>
              <td><input .value=${g.vi} aria-invalid=${invalid(`priorityGroups.${i}.name.vi`)} aria-label=${t(lang, 'admin.groups.nameVi')} data-testid="group-vi"
                @input=${(e: Event) => this.change(i, (x, isNew) => renameGroup(x, value(e), isNew))} /></td>
              <td><input .value=${g.en} aria-invalid=${invalid(`priorityGroups.${i}.name.en`)} aria-label=${t(lang, 'admin.groups.nameEn')} data-testid="group-en"
                @input=${(e: Event) => this.change(i, (x) => ({ ...x, en: value(e) }))} /></td>
              <td>${
                saved
                  ? html`<code>${g.id}</code>`
                  : html`<input .value=${g.id} size="14" aria-invalid=${invalid(`priorityGroups.${i}.id`)} aria-label=${t(lang, 'admin.groups.id')} data-testid="group-id"
                    @input=${(e: Event) => this.change(i, (x) => ({ ...x, id: value(e) }))} />`
              }</td>
              <td><input type="checkbox" .checked=${g.active} aria-label=${t(lang, 'admin.active')} data-testid="group-active"
                @change=${(e: Event) => this.change(i, (x) => ({ ...x, active: (e.target as HTMLInputElement).checked }))} /></td>
              <td>${
                saved
                  ? null
                  : html`<button type="button" class="quiet" data-testid="group-remove"
                    @click=${() => this.emit(this.groups.filter((_g, k) => k !== i))}>${t(lang, 'admin.counters.remove')}</button>`
              }</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="muted">${t(lang, 'admin.groups.note')}</p>
      <button type="button" class="quiet" data-testid="group-add"
        @click=${() => this.emit([...this.groups, { id: '', vi: '', en: '', active: true }])}>${t(lang, 'admin.groups.add')}</button>`;
  }

  static override styles = [
    sectionStyles,
    css`
      :host { padding: 0; box-shadow: none; background: transparent; width: 100%; }
      input:not([type='checkbox']) { width: 100%; box-sizing: border-box; }
    `,
  ];
}

customElements.define('luot-admin-priority-groups', LuotAdminPriorityGroups);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-priority-groups': LuotAdminPriorityGroups;
  }
}
