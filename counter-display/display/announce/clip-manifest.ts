/**
 * The clip set of the recorded voice: `/voice/manifest.json` maps every word or phrase of an
 * announcement (announcement.ts VOCABULARY) to a sound file beside it. A centre replaces the
 * default set with its own recordings by serving another folder (VOICE_DIR, docs/voice.md).
 * Pure: parsing and checking, no fetching.
 */
export const MANIFEST_FILE = 'manifest.json';
/** The clip played before every announcement. */
export const CHIME_CLIP = '#chime';

export interface VoiceManifest {
  name?: string;
  /** Word or phrase (exactly as in VOCABULARY, or CHIME_CLIP) → file name relative to the manifest. */
  clips: Record<string, string>;
}

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/** The manifest's clips with unsafe file names left out (no paths: files sit beside the manifest). */
export function parseManifest(value: unknown): VoiceManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const clips = (value as { clips?: unknown }).clips;
  if (typeof clips !== 'object' || clips === null) return null;
  const safe: Record<string, string> = {};
  for (const [word, file] of Object.entries(clips)) {
    if (typeof file === 'string' && SAFE_FILE.test(file)) safe[word.normalize('NFC')] = file;
  }
  const name = (value as { name?: unknown }).name;
  return { name: typeof name === 'string' ? name : undefined, clips: safe };
}

/** Words of `vocabulary` the manifest has no clip for. */
export const missingClips = (manifest: VoiceManifest, vocabulary: readonly string[]): string[] => vocabulary.filter((w) => !(w in manifest.clips));
