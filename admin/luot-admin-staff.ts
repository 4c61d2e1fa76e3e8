import { html } from 'lit';
import { AdminSection } from './admin-section.ts';
import type { Account, Role } from '../protocol/auth.schemas.ts';
import type { StaffWithPassword } from '../protocol/staff.schemas.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import {
  createStaffBody,
  newStaffForm,
  newStaffHints,
  rolesFor,
  staffEditHints,
  staffEditOf,
  staffFieldLabels,
  updateStaffBody,
  type NewStaffForm,
  type StaffEdit,
} from './staff-form.ts';

/**
 * Admin section "staff": create accounts, rename them, change their role, disable them, and
 * reset a password. A one-time password is shown once, right after it is made.
 */
export class LuotAdminStaff extends AdminSection {
  static override properties = {
    selfId: { type: String },
    selfRole: { type: String },
    accounts: { state: true },
    edits: { state: true },
    draft: { state: true },
    issued: { state: true },
    hints: { state: true },
  };
  /** The signed-in admin: their own row cannot be demoted or disabled. */
  declare selfId: string | null;
  /** The signed-in admin's role: a province administrator may also give province roles (issue #13). */
  declare selfRole: Role | null;
  declare accounts: Account[];
  declare edits: Record<string, StaffEdit>;
  declare draft: NewStaffForm;
  /** The account just given a one-time password: the only moment it is shown. */
  declare issued: StaffWithPassword | null;
  declare hints: Hint[];

  constructor() {
    super();
    this.selfId = null;
    this.selfRole = null;
    this.accounts = [];
    this.edits = {};
    this.draft = newStaffForm();
    this.issued = null;
    this.hints = [];
  }

  override firstUpdated() {
    void this.run(() => this.reload());
  }

  private async reload() {
    this.accounts = await this.api.listStaff(this.centreId);
    this.edits = Object.fromEntries(this.accounts.map((a) => [a.staffId, staffEditOf(a)]));
  }

  private async create(e: Event) {
    e.preventDefault();
    this.hints = newStaffHints(this.draft, this.accounts);
    if (this.busy || this.hints.length) return;
    await this.run(async () => {
      this.issued = await this.api.createStaff(this.centreId, createStaffBody(this.draft));
      this.draft = newStaffForm();
      await this.reload();
    });
  }

  private async save(account: Account) {
    const edit = this.edits[account.staffId]!;
    this.hints = staffEditHints(account, edit, this.selfId);
    const body = updateStaffBody(account, edit);
    if (this.busy || this.hints.length || !body) return;
    await this.run(async () => {
      await this.api.updateStaff(this.centreId, account.staffId, body);
      await this.reload();
    });
  }

  private async reset(account: Account) {
    if (this.busy || !confirm(t(this.language, 'admin.staff.confirmReset', { name: account.name }))) return;
    await this.run(async () => {
      this.issued = await this.api.resetStaffPassword(this.centreId, account.staffId);
      await this.reload();
    });
  }

  private edit(staffId: string, change: Partial<StaffEdit>) {
    this.edits = { ...this.edits, [staffId]: { ...this.edits[staffId]!, ...change } };
  }

  private setDraft(change: Partial<NewStaffForm>) {
    this.draft = { ...this.draft, ...change };
  }

  override render() {
    const lang = this.language;
    const d = this.draft;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<h2>${t(lang, 'admin.staff.title')}</h2>
      ${feedback(lang, this.error, this.hints, staffFieldLabels)}
      <form @submit=${this.create} novalidate>
        <label>${t(lang, 'admin.staff.username')}
          <input .value=${d.username} aria-invalid=${invalid('username')} autocomplete="off" data-testid="staff-new-username"
            @input=${(e: Event) => this.setDraft({ username: value(e) })} />
        </label>
        <label>${t(lang, 'admin.staff.name')}
          <input .value=${d.name} aria-invalid=${invalid('name')} data-testid="staff-new-name" @input=${(e: Event) => this.setDraft({ name: value(e) })} />
        </label>
        <label>${t(lang, 'admin.staff.role')}${this.roleSelect(d.role, (role) => this.setDraft({ role }), 'staff-new-role')}</label>
        <label>${t(lang, 'admin.staff.password')}
          <input type="password" .value=${d.password} aria-invalid=${invalid('password')} autocomplete="new-password"
            placeholder=${t(lang, 'admin.staff.passwordHint')} data-testid="staff-new-password" @input=${(e: Event) => this.setDraft({ password: value(e) })} />
        </label>
        <button type="submit" ?disabled=${this.busy} data-testid="staff-create">${t(lang, 'admin.staff.create')}</button>
      </form>
      ${this.issued ? this.renderIssued(this.issued) : null}
      <table>
        <thead>
          <tr>
            <th>${t(lang, 'admin.staff.username')}</th>
            <th>${t(lang, 'admin.staff.name')}</th>
            <th>${t(lang, 'admin.staff.role')}</th>
            <th>${t(lang, 'admin.staff.active')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.accounts.map((a) => this.renderRow(a))}
        </tbody>
      </table>`;
  }

  private renderRow(a: Account) {
    const lang = this.language;
    const edit = this.edits[a.staffId] ?? staffEditOf(a);
    const self = a.staffId === this.selfId;
    return html`<tr data-testid="staff-row" data-staff-id=${a.staffId} data-active=${a.active}>
      <td><code>${a.username}</code>${a.mustChangePassword ? html`<br /><span class="muted">${t(lang, 'admin.staff.mustChange')}</span>` : null}</td>
      <td><input .value=${edit.name} aria-label=${t(lang, 'admin.staff.name')} data-testid="staff-name"
        @input=${(e: Event) => this.edit(a.staffId, { name: (e.target as HTMLInputElement).value })} /></td>
      <td>${this.roleSelect(edit.role, (role) => this.edit(a.staffId, { role }), 'staff-role', self)}</td>
      <td><label class="check"><input type="checkbox" .checked=${edit.active} ?disabled=${self} data-testid="staff-active"
        @change=${(e: Event) => this.edit(a.staffId, { active: (e.target as HTMLInputElement).checked })} />${a.active ? null : html`<span class="muted">${t(lang, 'admin.staff.inactive')}</span>`}</label></td>
      <td class="actions">
        <button type="button" ?disabled=${this.busy || !updateStaffBody(a, edit)} data-testid="staff-save" @click=${() => this.save(a)}>${t(lang, 'admin.save')}</button>
        ${
          self
            ? null
            : html`<button type="button" class="quiet" ?disabled=${this.busy} data-testid="staff-reset" @click=${() => this.reset(a)}>${t(lang, 'admin.staff.reset')}</button>`
        }
      </td>
    </tr>`;
  }

  private roleSelect(role: Role, set: (role: Role) => void, testId: string, locked = false) {
    return html`<select data-testid=${testId} ?disabled=${locked} aria-label=${t(this.language, 'admin.staff.role')}
      @change=${(e: Event) => set((e.target as HTMLSelectElement).value as Role)}>
      ${rolesFor(this.selfRole, role).map((r) => html`<option value=${r} ?selected=${r === role}>${t(this.language, `role.${r}`)}</option>`)}
    </select>`;
  }

  private renderIssued(issued: StaffWithPassword) {
    const lang = this.language;
    return html`<div class="once" data-testid="staff-issued">
      ${
        issued.oneTimePassword
          ? html`<p>${t(lang, 'admin.staff.oneTimeOnce', { username: issued.account.username })}</p>
            <p><code data-testid="staff-otp">${issued.oneTimePassword}</code></p>`
          : html`<p>${t(lang, 'admin.staff.created', { username: issued.account.username })}</p>`
      }
      <p class="muted">${t(lang, 'admin.staff.mustChangeNote')}</p>
      <button type="button" class="quiet" @click=${() => (this.issued = null)}>${t(lang, 'admin.devices.dismiss')}</button>
    </div>`;
  }

  static override styles = sectionStyles;
}

customElements.define('luot-admin-staff', LuotAdminStaff);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-staff': LuotAdminStaff;
  }
}
