import { LitElement, css, html } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { RATING_NAMESPACE, RatingEvents, type RatingClientToServer, type RatingServerToClient } from '../../protocol/events.ts';
import type { Language } from '../../protocol/index.ts';
import { ApiError, createApi, type Api } from '../../web-shared/client/api.ts';
import { buttonsOf, gradeLabel, initialPad, phaseOf, pressKey, secondsLeft, text, withArm, withPressResult, withRating, type PadState } from './rate-logic.ts';
import { ratingFace } from './rating-faces.ts';

// The device token alone: an officer's session cookie in this browser must not rate (issue #10).
const padApi = (token: string | null): Api => createApi('', undefined, { deviceToken: token ?? '', credentials: 'omit' });

/** 401/403: no token, or a revoked one. */
const refused = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * The customer-facing rating screen of one counter (/rate/<counter id>, issue #5): for counters
 * without a keypad, the same buttons on a screen turned to the citizen. Armed by the same server
 * state as the keypads (a ticket finished at the counter), it shows the buttons with a countdown,
 * posts one press (recordRating, with its own idempotency key) and thanks the citizen; a keypad
 * press at the same counter thanks them too. It is a paired device of its own (issue #10): its
 * token, bound to this one counter, may only rate there and read the counter's arm (`/rating`
 * socket namespace); officers' sessions never rate, so nobody can rate their own service.
 */
export class LuotRatingPad extends LitElement {
  static override properties = {
    deviceToken: { attribute: false },
    counterId: { attribute: false },
    language: { type: String },
    state: { state: true },
    problem: { state: true },
    counterNumber: { state: true },
  };
  declare deviceToken: string | null;
  declare counterId: string;
  declare language: Language;
  declare state: PadState;
  /** unpaired: no token, or a revoked one; other_counter: paired with another counter (counterNumber is that one's). */
  declare problem: 'unpaired' | 'other_counter' | 'failed' | null;
  declare counterNumber: number | null;
  private centreId = '';
  private socket: Socket<RatingServerToClient, RatingClientToServer> | null = null;
  private tick: ReturnType<typeof setInterval> | undefined;
  /** The key of a press whose answer did not arrive: pressing the same button again re-sends it. */
  private unanswered: { level: number; key: string; ticketId: string | null } | null = null;
  private sending = false;

  constructor() {
    super();
    this.deviceToken = null;
    this.counterId = '';
    this.language = 'vi';
    this.state = initialPad();
    this.problem = null;
    this.counterNumber = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.tick = setInterval(() => this.requestUpdate(), 250);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.tick);
    this.socket?.disconnect();
  }

  private async start() {
    const token = this.deviceToken;
    if (!token) return void (this.problem = 'unpaired');
    try {
      // Which centre and counter this screen is paired with: all it may know of its centre.
      const session = await padApi(token).getSession();
      if (session.kind !== 'device' || session.deviceKind !== 'rating-screen' || !session.counter) return void (this.problem = 'unpaired');
      this.centreId = session.centreId;
      this.counterNumber = session.counter.number;
      if (session.counter.id !== this.counterId) return void (this.problem = 'other_counter');
      await this.refresh();
    } catch (error) {
      this.problem = refused(error) ? 'unpaired' : 'failed';
      return;
    }
    const socket: Socket<RatingServerToClient, RatingClientToServer> = io(RATING_NAMESPACE, {
      auth: { token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
    });
    socket.on('connect', () => void this.refresh().catch(() => undefined)); // what was missed while away
    // Revoked while running: the server refuses the reconnection.
    socket.on('connect_error', (error) => {
      if (error.message === 'auth.required' || error.message === 'auth.forbidden') this.problem = 'unpaired';
    });
    socket.on(RatingEvents.armed, (arm) => {
      if (arm?.counterId === this.counterId) this.state = withArm(this.state, arm, Date.now());
    });
    socket.on(RatingEvents.recorded, (event) => {
      if (event?.rating) this.state = withRating(this.state, event.rating, this.counterId, Date.now());
    });
    this.socket = socket;
  }

  private async refresh() {
    const arm = await padApi(this.deviceToken).getRatingArm(this.centreId, this.counterId);
    this.state = withArm(this.state, arm, Date.now());
  }

  private async press(level: number) {
    if (this.sending) return;
    const ticketId = this.state.arm?.ticketId ?? null;
    const key =
      this.unanswered && this.unanswered.level === level && this.unanswered.ticketId === ticketId
        ? this.unanswered.key
        : pressKey((b) => crypto.getRandomValues(b), Date.now());
    this.unanswered = { level, key, ticketId };
    this.sending = true;
    try {
      const result = await padApi(this.deviceToken).recordRating(this.centreId, {
        counterId: this.counterId,
        level,
        idempotencyKey: key,
        source: 'screen',
      });
      this.unanswered = null;
      this.problem = null;
      this.state = withPressResult(this.state, result, this.counterId, Date.now());
    } catch (error) {
      this.problem = refused(error) ? 'unpaired' : 'failed';
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const lang = this.language;
    document.documentElement.lang = lang;
    const now = Date.now();
    const phase = phaseOf(this.state, now);
    this.dataset.phase = phase;
    const header = html`<header>
      <p class="counter">${this.counterNumber !== null ? text(lang, 'counter', { n: this.counterNumber }) : ''}</p>
      <h1>${text(lang, 'title')}</h1>
    </header>`;
    if (this.problem === 'unpaired' || this.problem === 'other_counter') {
      const message = this.problem === 'unpaired' ? text(lang, 'unpaired') : text(lang, 'otherCounter', { n: this.counterNumber ?? '' });
      return html`<header><h1>${text(lang, 'title')}</h1></header>
        <p class="problem" role="alert" data-testid="rate-problem" data-problem=${this.problem}>${message}</p>`;
    }
    const failed = this.problem === 'failed' ? html`<p class="problem" role="alert">${text(lang, 'failed')}</p>` : null;
    if (phase === 'thanks') {
      return html`${header}<p class="thanks" data-testid="rate-thanks">${text(lang, 'thanks')}<br /><span>${gradeLabel(this.state.thanks!.grade, lang)}</span></p>`;
    }
    if (phase === 'idle') return html`${header}<p class="idle" data-testid="rate-idle">${text(lang, 'idle')}</p>${failed}`;
    const arm = this.state.arm!;
    return html`${header}
      <p class="prompt">${text(lang, 'prompt', { number: arm.number ?? '' })}</p>
      <div class="buttons" style="--n:${arm.scale}">
        ${buttonsOf(arm.scale, lang).map(
          (b) =>
            html`<button class="level ${b.grade}" data-testid="rate-${b.level}" ?disabled=${this.sending} @click=${() => void this.press(b.level)}>
              <span class="face" aria-hidden="true">${ratingFace(b.grade)}</span>
              ${b.label}
            </button>`,
        )}
      </div>
      <p class="left">${text(lang, 'seconds', { n: secondsLeft(this.state, now) })}</p>
      ${failed}`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      font-family: var(--luot-font-family);
      background: var(--luot-bg);
      color: var(--luot-fg);
      text-align: center;
    }
    header {
      background: var(--luot-header-bg);
      color: var(--luot-header-fg);
      padding: 1rem;
    }
    header .counter {
      margin: 0;
      font-size: 1.4rem;
    }
    h1 {
      margin: 0.25rem 0 0;
      font-size: 2.2rem;
    }
    .prompt,
    .idle,
    .thanks,
    .problem {
      font-size: 1.8rem;
      margin: 2rem 1rem;
    }
    .thanks span {
      font-weight: 700;
      color: var(--luot-ok);
    }
    .problem {
      color: var(--luot-danger);
      font-size: 1.3rem;
    }
    .buttons {
      display: grid;
      grid-template-columns: repeat(var(--n), 1fr);
      gap: 1.5rem;
      padding: 0 2rem;
    }
    button.level {
      font: inherit;
      font-size: 1.6rem;
      font-weight: 700;
      min-height: 12rem;
      border: none;
      border-radius: var(--luot-radius);
      box-shadow: var(--luot-shadow);
      color: #fff;
      cursor: pointer;
    }
    button.level .face {
      display: block;
      font-size: 4rem;
      line-height: 1;
    }
    button.level .face svg {
      display: block;
      margin: 0 auto 0.25rem;
    }
    .very_satisfied {
      background: var(--luot-rate-1, #1b7f3b);
    }
    .satisfied {
      background: var(--luot-rate-2, #4c9a2a);
    }
    .neutral {
      background: var(--luot-rate-3, #c98a00);
    }
    .dissatisfied {
      background: var(--luot-rate-4, #c62828);
    }
    .left {
      font-size: 1.3rem;
      color: var(--luot-muted);
    }
  `;
}

customElements.define('luot-rating-pad', LuotRatingPad);

declare global {
  interface HTMLElementTagNameMap {
    'luot-rating-pad': LuotRatingPad;
  }
}
