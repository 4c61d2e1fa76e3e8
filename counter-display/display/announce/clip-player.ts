/**
 * Announcements from recorded clips (one file per word or phrase, counter-display/voice/ or a
 * centre's own set, docs/voice.md), joined on the Web Audio clock so words follow each other
 * without gaps or overlaps. Every clip is fetched and decoded once when the page starts, so a
 * later network outage does not silence the hall. Browser only.
 */
import { PHRASES, type Announcement } from './announcement.ts';
import type { PlayOutcome, Player } from './announcement-queue.ts';
import { CHIME_CLIP, MANIFEST_FILE, missingClips, parseManifest } from './clip-manifest.ts';
import { synthChime } from './sound-unlock.ts';

export type ClipSetState = 'loading' | 'ready' | 'failed';

/** Pauses (seconds) that make the joined words sound like a sentence. */
const GAP = { word: 0.03, afterIntro: 0.15, beforeCounter: 0.3, betweenRepeats: 0.8, afterChime: 0.3 };
const RETRY_MS = 30_000;

export class ClipPlayer implements Player {
  state: ClipSetState = 'loading';
  /** Words the set has no clip for (they are skipped, and listed for the technician). */
  missing: string[] = [];
  private buffers = new Map<string, AudioBuffer>();
  private loading: Promise<void> | null = null;
  private sources: AudioBufferSourceNode[] = [];
  private finishTimer: ReturnType<typeof setTimeout> | undefined;
  private finishNow: (() => void) | null = null;

  constructor(
    private readonly context: AudioContext,
    private readonly vocabulary: readonly string[],
    private readonly options: { baseUrl?: string; chime?: () => boolean; onChange?: () => void } = {},
  ) {}

  /** Fetches the manifest and every clip; retried later if the server cannot be reached. */
  load(): Promise<void> {
    this.loading ??= this.fetchAll().catch((error) => {
      console.warn('[luot] voice clips could not be loaded; retrying in 30 s', error);
      this.state = 'failed';
      this.options.onChange?.();
      setTimeout(() => {
        this.loading = null;
        void this.load();
      }, RETRY_MS);
    });
    return this.loading;
  }

  async play(a: Announcement): Promise<PlayOutcome> {
    if (this.context.state !== 'running') return 'muted';
    await this.load();
    if (this.state !== 'ready') return 'failed';
    let t = this.context.currentTime + 0.05;
    if (this.options.chime?.() ?? true) {
      const chime = this.buffers.get(CHIME_CLIP);
      t = (chime ? this.schedule(chime, t) : synthChime(this.context, t)) + GAP.afterChime;
    }
    a.parts.forEach((part, i) => {
      if (part === PHRASES.toCounter) t += GAP.beforeCounter;
      else if (i > 0 && (part === PHRASES.call || part === PHRASES.recall)) t += GAP.betweenRepeats;
      const buffer = this.buffers.get(part);
      if (!buffer) return; // listed in `missing`; the rest is still said
      t = this.schedule(buffer, t) + (part === PHRASES.call || part === PHRASES.recall ? GAP.afterIntro : GAP.word);
    });
    const endsInMs = Math.max(0, (t - this.context.currentTime) * 1000);
    await new Promise<void>((resolve) => {
      this.finishNow = resolve;
      this.finishTimer = setTimeout(resolve, endsInMs);
    });
    this.finishNow = null;
    this.sources = [];
    return 'played';
  }

  stop(): void {
    for (const s of this.sources) {
      try {
        s.stop();
      } catch {
        // not started yet or already ended
      }
    }
    this.sources = [];
    clearTimeout(this.finishTimer);
    this.finishNow?.();
  }

  private schedule(buffer: AudioBuffer, at: number): number {
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    source.start(at);
    this.sources.push(source);
    return at + buffer.duration;
  }

  private async fetchAll(): Promise<void> {
    const base = this.options.baseUrl ?? '/voice/';
    const res = await fetch(`${base}${MANIFEST_FILE}`, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`${base}${MANIFEST_FILE}: HTTP ${res.status}`);
    const manifest = parseManifest(await res.json());
    if (!manifest) throw new Error(`${base}${MANIFEST_FILE} is not a clip manifest`);
    const buffers = new Map<string, AudioBuffer>();
    await Promise.all(
      Object.entries(manifest.clips).map(async ([word, file]) => {
        try {
          const clip = await fetch(`${base}${encodeURIComponent(file)}`);
          if (!clip.ok) throw new Error(`HTTP ${clip.status}`);
          buffers.set(word, await this.context.decodeAudioData(await clip.arrayBuffer()));
        } catch (error) {
          console.warn(`[luot] voice clip "${word}" (${file}) unusable`, error);
        }
      }),
    );
    this.buffers = buffers;
    this.missing = missingClips({ clips: Object.fromEntries([...buffers.keys()].map((k) => [k, k])) }, this.vocabulary);
    if (this.missing.length > 0) console.warn('[luot] the voice clip set lacks:', this.missing.join(', '));
    this.state = 'ready';
    this.options.onChange?.();
  }
}
