/**
 * Announcements through the browser's own speech synthesis, when it has a Vietnamese voice
 * (Windows "Microsoft An", Android and ChromeOS "Tiếng Việt", macOS "Linh"): natural prosody,
 * no files. Many Linux kiosk browsers have none; the clips (clip-player.ts) are used then.
 * Browser only.
 */
import type { Announcement } from './announcement.ts';
import type { PlayOutcome, Player } from './announcement-queue.ts';
import { synthChime } from './sound-unlock.ts';

/** The first installed voice for Vietnamese (lang "vi" or "vi-VN"), local voices first. */
export function vietnameseVoice(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): SpeechSynthesisVoice | null {
  const voices = synth?.getVoices().filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === 'vi') ?? [];
  return voices.find((v) => v.localService) ?? voices[0] ?? null;
}

export class SpeechPlayer implements Player {
  constructor(
    private readonly context: AudioContext | null,
    private readonly options: { chime?: () => boolean; rate?: number } = {},
    private readonly synth: SpeechSynthesis = speechSynthesis,
  ) {}

  async play(a: Announcement): Promise<PlayOutcome> {
    if (this.context && this.context.state !== 'running') return 'muted';
    const voice = vietnameseVoice(this.synth);
    if (!voice) return 'failed';
    if ((this.options.chime?.() ?? true) && this.context) {
      const end = synthChime(this.context);
      await new Promise((r) => setTimeout(r, (end - this.context!.currentTime) * 1000 + 200));
    }
    return new Promise<PlayOutcome>((resolve) => {
      const u = new SpeechSynthesisUtterance(a.text);
      u.voice = voice;
      u.lang = voice.lang;
      // A touch slower than conversation: halls echo, and some listeners are elderly.
      u.rate = this.options.rate ?? 0.9;
      u.onend = () => resolve('played');
      u.onerror = (e) => resolve(e.error === 'not-allowed' ? 'muted' : 'failed');
      this.synth.speak(u);
    });
  }

  stop(): void {
    this.synth.cancel();
  }
}
