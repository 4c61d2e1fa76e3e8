/**
 * The voice of a hall display: turns new calls into announcements, queues them
 * (announcement-queue.ts) and plays them with the player the settings and the address choose.
 * Exposes its queue as `window.__luotAnnouncer` for technicians and the browser tests.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnouncementSettings, Call } from '../../../protocol/index.ts';
import type { VoiceMode } from '../display-params.ts';
import { announcementFor, VOCABULARY, type Announcement } from './announcement.ts';
import { AnnouncementQueue, type PlayedEntry, type PlayOutcome, type Player } from './announcement-queue.ts';
import { ClipPlayer } from './clip-player.ts';
import { SoundUnlock } from './sound-unlock.ts';
import { SpeechPlayer, vietnameseVoice } from './speech-player.ts';

/** off: this display does not speak; silent: it announces without sound (tests); locked: needs a tap. */
export type SoundState = 'off' | 'silent' | 'locked' | 'on' | 'unavailable';

export interface AnnouncerView {
  mode: VoiceMode;
  sound: SoundState;
  /** Which engine the next announcement uses. */
  engine: 'speech' | 'clips' | 'silent' | 'none';
  playing: Announcement | null;
  pending: readonly Announcement[];
  history: readonly PlayedEntry[];
}

declare global {
  interface Window {
    __luotAnnouncer?: AnnouncerView;
  }
}

/** Stands in for sound in tests (`?voice=silent`): takes about as long as speech would. */
class SilentPlayer implements Player {
  async play(a: Announcement): Promise<PlayOutcome> {
    await new Promise((r) => setTimeout(r, 300 + 120 * a.parts.length));
    return 'played';
  }
}

export class AnnouncerController implements ReactiveController {
  mode: VoiceMode = 'off';
  private settings: AnnouncementSettings | null = null;
  private unlocker: SoundUnlock | null = null;
  private clips: ClipPlayer | null = null;
  private speech: SpeechPlayer | null = null;
  private readonly silent = new SilentPlayer();
  private active: Player | null = null;
  readonly queue: AnnouncementQueue;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.queue = new AnnouncementQueue(
      {
        play: (a) => {
          this.active = this.playerFor();
          return this.active ? this.active.play(a) : Promise.resolve('muted');
        },
        stop: () => this.active?.stop?.(),
      },
      { onChange: () => this.changed() },
    );
  }

  hostConnected(): void {
    const view = () => this.view;
    Object.defineProperty(window, '__luotAnnouncer', { configurable: true, get: view });
  }

  hostDisconnected(): void {
    this.unlocker?.close();
    this.unlocker = null;
    this.clips = null;
    this.speech = null;
    this.mode = 'off'; // so configure() sets the players up again if the element comes back
    delete window.__luotAnnouncer;
  }

  /**
   * Asks the browser for sound now, as the page loads, unless the address silenced this screen:
   * whether sound is allowed is decided when the audio context is made, and made later (after a
   * stray touch, say) it would hide that the browser blocks sound.
   */
  prepare(): void {
    if (this.unlocker) return;
    this.unlocker = new SoundUnlock();
    this.unlocker.subscribe(() => this.changed());
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.addEventListener?.('voiceschanged', () => this.changed());
  }

  /** Called on every update; cheap when nothing changed. */
  configure(mode: VoiceMode, settings: AnnouncementSettings): void {
    this.settings = settings;
    if (mode === this.mode) return;
    this.mode = mode;
    if (mode !== 'off' && mode !== 'silent') this.prepare();
    if ((mode === 'clips' || mode === 'auto') && !this.clips && this.unlocker?.context) {
      this.clips = new ClipPlayer(this.unlocker.context, VOCABULARY, { chime: this.chime, onChange: () => this.changed() });
      void this.clips.load();
    }
    this.changed();
  }

  /** Queues the announcement of each call (oldest first); a call already queued is ignored. */
  announce(calls: readonly Call[]): void {
    if (this.mode === 'off' || !this.settings) return;
    for (const call of calls) this.queue.enqueue(announcementFor(call, this.settings));
  }

  /** For the sound indicator's button: must run inside the tap. */
  unlock(): void {
    this.unlocker?.unlock();
  }

  get sound(): SoundState {
    if (this.mode === 'off') return 'off';
    if (this.mode === 'silent') return 'silent';
    if (!this.unlocker || this.unlocker.state === 'unavailable') return 'unavailable';
    if (this.unlocker.state === 'locked') return 'locked';
    return this.engine === 'none' ? 'unavailable' : 'on';
  }

  get engine(): AnnouncerView['engine'] {
    if (this.mode === 'off') return 'none';
    if (this.mode === 'silent') return 'silent';
    const hasVoice = typeof speechSynthesis !== 'undefined' && vietnameseVoice() !== null;
    const clipsUsable = this.clips !== null && this.clips.state !== 'failed';
    if (this.mode === 'speech') return hasVoice ? 'speech' : 'none';
    if (this.mode === 'clips') return clipsUsable ? 'clips' : 'none';
    return hasVoice ? 'speech' : clipsUsable ? 'clips' : 'none';
  }

  get view(): AnnouncerView {
    return {
      mode: this.mode,
      sound: this.sound,
      engine: this.engine,
      playing: this.queue.playing,
      pending: [...this.queue.pending],
      history: [...this.queue.history],
    };
  }

  private playerFor(): Player | null {
    switch (this.engine) {
      case 'silent':
        return this.silent;
      case 'clips':
        return this.clips;
      case 'speech':
        this.speech ??= new SpeechPlayer(this.unlocker?.context ?? null, { chime: this.chime });
        return this.speech;
      default:
        return null;
    }
  }

  /** Read at each announcement, so a change of the centre's settings applies at once. */
  private readonly chime = () => this.settings?.chime ?? true;

  private changed(): void {
    this.host.requestUpdate();
  }
}
