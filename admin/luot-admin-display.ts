import { css, html } from 'lit';
import type { Counter, DisplaySettings, Service } from '../protocol/index.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import { AdminSection } from './admin-section.ts';
import { configChanged, feedback } from './admin-feedback.ts';
import { hasHint, type Hint } from './admin-form.ts';
import { sectionStyles } from './admin-section.styles.ts';
import { displayBody, displayFieldLabels, displayFormOf, displayHints, newProfile, type DisplayForm, type ProfileForm } from './display-form.ts';

/**
 * Admin section "displays" (issue #15; docs/displays.md): the scrolling notice in both languages,
 * how the hall speaks (on or off, northern or southern reading, voice, numbers as words or
 * digits, repeats, chime), how many previous calls show, the officer's name, and the hall
 * profiles (which services and counters each hall's screens cover, and whether they speak).
 * Saved over the settings as they are at that moment, so another section's changes stay.
 */
export class LuotAdminDisplay extends AdminSection {
  static override properties = {
    form: { state: true },
    hints: { state: true },
    saved: { state: true },
    services: { state: true },
    counters: { state: true },
  };
  declare form: DisplayForm | null;
  declare hints: Hint[];
  declare saved: boolean;
  declare services: Service[];
  declare counters: Counter[];

  constructor() {
    super();
    this.form = null;
    this.hints = [];
    this.saved = false;
    this.services = [];
    this.counters = [];
  }

  override firstUpdated() {
    void this.run(async () => {
      const [settings, services, counters] = await Promise.all([
        this.api.getSettings(this.centreId),
        this.api.listServices(this.centreId),
        this.api.listCounters(this.centreId),
      ]);
      this.form = displayFormOf(settings.display);
      this.services = [...services];
      this.counters = [...counters].sort((a, b) => a.number - b.number);
    });
  }

  private set(change: Partial<DisplayForm>) {
    this.form = { ...this.form!, ...change };
    this.saved = false;
  }

  private setProfile(i: number, change: Partial<ProfileForm>) {
    this.set({ profiles: this.form!.profiles.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  }

  private async save(e: Event) {
    e.preventDefault();
    const form = this.form!;
    this.hints = displayHints(form);
    if (this.busy || this.hints.length) return;
    await this.run(async () => {
      const current = await this.api.getSettings(this.centreId);
      const saved = await this.api.putSettings(this.centreId, { ...current, display: displayBody(form, current.display as DisplaySettings) });
      this.form = displayFormOf(saved.display);
      this.saved = true;
      this.dispatchEvent(configChanged('settings'));
    });
  }

  override render() {
    const lang = this.language;
    return html`<h2>${t(lang, 'admin.display.title')}</h2>
      ${feedback(lang, this.error, this.hints, displayFieldLabels)}
      ${this.form ? this.renderForm(this.form) : html`<p class="muted">${t(lang, 'app.loading')}</p>`}`;
  }

  private renderForm(f: DisplayForm) {
    const lang = this.language;
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    const checked = (e: Event) => (e.target as HTMLInputElement).checked;
    const invalid = (field: string) => (hasHint(this.hints, field) ? 'true' : 'false');
    const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
    return html`<form @submit=${this.save} novalidate data-testid="display-form">
      <fieldset>
        <legend>${t(lang, 'admin.display.notice')}</legend>
        <label>${t(lang, 'admin.display.noticeVi')}
          <textarea rows="2" maxlength="500" .value=${f.noticeVi} aria-invalid=${invalid('display.notice.vi')} data-testid="display-noticeVi"
            @input=${(e: Event) => this.set({ noticeVi: value(e) })}></textarea></label>
        <label>${t(lang, 'admin.display.noticeEn')}
          <textarea rows="2" maxlength="500" .value=${f.noticeEn} data-testid="display-noticeEn" @input=${(e: Event) => this.set({ noticeEn: value(e) })}></textarea></label>
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'admin.display.voiceTitle')}</legend>
        <label class="check"><input type="checkbox" .checked=${f.announce} data-testid="display-announce"
          @change=${(e: Event) => this.set({ announce: checked(e) })} />${t(lang, 'admin.display.announce')}</label>
        <label>${t(lang, 'admin.display.dialect')}
          <select data-testid="display-dialect" @change=${(e: Event) => this.set({ dialect: value(e) as DisplayForm['dialect'] })}>
            <option value="north" ?selected=${f.dialect === 'north'}>${t(lang, 'admin.display.dialect.north')}</option>
            <option value="south" ?selected=${f.dialect === 'south'}>${t(lang, 'admin.display.dialect.south')}</option>
          </select></label>
        <label>${t(lang, 'admin.display.voice')}
          <select data-testid="display-voice" @change=${(e: Event) => this.set({ voice: value(e) as DisplayForm['voice'] })}>
            ${(['auto', 'speech', 'clips'] as const).map((v) => html`<option value=${v} ?selected=${f.voice === v}>${t(lang, `admin.display.voice.${v}`)}</option>`)}
          </select></label>
        <label>${t(lang, 'admin.display.numberReading')}
          <select data-testid="display-numberReading" @change=${(e: Event) => this.set({ numberReading: value(e) as DisplayForm['numberReading'] })}>
            <option value="words" ?selected=${f.numberReading === 'words'}>${t(lang, 'admin.display.numberReading.words')}</option>
            <option value="digits" ?selected=${f.numberReading === 'digits'}>${t(lang, 'admin.display.numberReading.digits')}</option>
          </select></label>
        <label>${t(lang, 'admin.display.repeat')}
          <input type="number" min="1" max="3" .value=${f.repeat} aria-invalid=${invalid('display.announcement.repeat')} data-testid="display-repeat"
            @input=${(e: Event) => this.set({ repeat: value(e) })} /></label>
        <label class="check"><input type="checkbox" .checked=${f.chime} data-testid="display-chime"
          @change=${(e: Event) => this.set({ chime: checked(e) })} />${t(lang, 'admin.display.chime')}</label>
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'admin.display.screen')}</legend>
        <label>${t(lang, 'admin.display.recentCalls')}
          <input type="number" min="0" max="9" .value=${f.recentCalls} aria-invalid=${invalid('display.recentCalls')} data-testid="display-recentCalls"
            @input=${(e: Event) => this.set({ recentCalls: value(e) })} /></label>
        <label class="check"><input type="checkbox" .checked=${f.showOfficerName} data-testid="display-showOfficerName"
          @change=${(e: Event) => this.set({ showOfficerName: checked(e) })} />${t(lang, 'admin.display.showOfficerName')}</label>
      </fieldset>
      <fieldset data-testid="display-profiles">
        <legend>${t(lang, 'admin.display.profiles')}</legend>
        <p class="muted">${t(lang, 'admin.display.profilesHint')}</p>
        ${f.profiles.map(
          (p, i) => html`<div class="profile" data-testid="display-profile">
            <label>${t(lang, 'admin.display.profileId')}
              <input .value=${p.id} aria-invalid=${invalid(`display.profiles.${i}.id`)} data-testid="profile-id" @input=${(e: Event) => this.setProfile(i, { id: value(e) })} /></label>
            <label>${t(lang, 'admin.display.profileName')}
              <input .value=${p.name} aria-invalid=${invalid(`display.profiles.${i}.name`)} data-testid="profile-name" @input=${(e: Event) => this.setProfile(i, { name: value(e) })} /></label>
            <div class="ticks"><span>${t(lang, 'admin.display.profileServices')}</span>
              ${this.services.map(
                (s) => html`<label class="check"><input type="checkbox" .checked=${p.serviceIds.includes(s.id)} data-service-id=${s.id}
                  @change=${(e: Event) => this.setProfile(i, { serviceIds: toggle(p.serviceIds, s.id, checked(e)) })} />${s.name[lang]}</label>`,
              )}</div>
            <div class="ticks"><span>${t(lang, 'admin.display.profileCounters')}</span>
              ${this.counters.map(
                (c) => html`<label class="check"><input type="checkbox" .checked=${p.counterIds.includes(c.id)} data-counter-id=${c.id}
                  @change=${(e: Event) => this.setProfile(i, { counterIds: toggle(p.counterIds, c.id, checked(e)) })} />${t(lang, 'counter.label', { n: c.number })}</label>`,
              )}</div>
            <label class="check"><input type="checkbox" .checked=${p.announce} @change=${(e: Event) => this.setProfile(i, { announce: checked(e) })} />${t(lang, 'admin.display.profileAnnounce')}</label>
            <button type="button" data-testid="profile-remove" @click=${() => this.set({ profiles: f.profiles.filter((_, j) => j !== i) })}>${t(lang, 'admin.display.profileRemove')}</button>
          </div>`,
        )}
        <button type="button" data-testid="profile-add" @click=${() => this.set({ profiles: [...f.profiles, newProfile(f.profiles.length + 1)] })}>${t(lang, 'admin.display.profileAdd')}</button>
      </fieldset>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy} data-testid="display-save">${t(lang, 'admin.save')}</button>
        ${this.saved ? html`<span class="saved" role="status" data-testid="display-saved">${t(lang, 'admin.settings.saved')}</span>` : null}
      </div>
    </form>`;
  }

  static override styles = [
    sectionStyles,
    css`
      .profile { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--luot-border); border-radius: var(--luot-radius); margin-bottom: 0.75rem; }
      .ticks { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
      .ticks > span { font-weight: 600; }
      textarea { font: inherit; width: 100%; }
    `,
  ];
}

customElements.define('luot-admin-display', LuotAdminDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'luot-admin-display': LuotAdminDisplay;
  }
}
