/**
 * Browsers keep a page silent until somebody touches it (the autoplay policy). A hall display
 * has nobody at it, so it says plainly when it is silent and unlocks on one tap or key press
 * anywhere; a kiosk-mode browser started with --autoplay-policy=no-user-gesture-required
 * (docs/displays.md) is never locked. Browser only: one AudioContext for the page.
 */
export type SoundLock = 'locked' | 'running' | 'unavailable';

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

export class SoundUnlock {
  readonly context: AudioContext | null;
  private listeners = new Set<() => void>();

  constructor(private readonly doc: Document = document) {
    let context: AudioContext | null = null;
    try {
      context = new AudioContext({ latencyHint: 'playback' });
    } catch (error) {
      console.warn('[luot] no Web Audio: announcements cannot play', error);
    }
    this.context = context;
    context?.addEventListener('statechange', () => this.notify());
    // Allowed without a gesture in a kiosk browser with the autoplay flag; refused (stays
    // suspended) elsewhere until unlock() runs inside a gesture.
    void context?.resume().catch(() => {});
    for (const g of GESTURES) this.doc.addEventListener(g, this.onGesture, { capture: true });
  }

  get state(): SoundLock {
    if (!this.context) return 'unavailable';
    return this.context.state === 'running' ? 'running' : 'locked';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Must run inside a user gesture (a tap, a click, a key). */
  unlock(): void {
    void this.context?.resume().catch((error) => console.warn('[luot] could not start sound', error));
    // Speech synthesis has its own activation check in some browsers: an empty utterance spoken
    // inside the gesture opens it for later announcements.
    if (typeof speechSynthesis !== 'undefined' && !speechSynthesis.speaking) {
      const primer = new SpeechSynthesisUtterance('');
      primer.volume = 0;
      speechSynthesis.speak(primer);
    }
  }

  close(): void {
    for (const g of GESTURES) this.doc.removeEventListener(g, this.onGesture, { capture: true });
    this.listeners.clear();
    void this.context?.close().catch(() => {});
  }

  private readonly onGesture = () => {
    if (this.state === 'locked') this.unlock();
  };

  private notify(): void {
    for (const l of this.listeners) l();
  }
}

/** A soft two-tone chime made on the spot, for when the clip set has none. Resolves when done. */
export function synthChime(context: AudioContext, at = context.currentTime + 0.02): number {
  const tones: [number, number, number][] = [
    [880, 0, 0.5],
    [698.5, 0.45, 0.9],
  ];
  for (const [freq, start, length] of tones) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at + start);
    gain.gain.exponentialRampToValueAtTime(0.35, at + start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + start + length);
    osc.connect(gain).connect(context.destination);
    osc.start(at + start);
    osc.stop(at + start + length + 0.05);
  }
  return at + 1.4;
}
