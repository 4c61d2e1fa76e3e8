import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../../counter-display/display/announce/announcement.ts';
import { CHIME_CLIP, missingClips, parseManifest } from '../../../../counter-display/display/announce/clip-manifest.ts';
import { applyTheme } from '../../../../counter-display/display/display-theme.ts';

const voiceDir = fileURLToPath(new URL('../../../../counter-display/voice/', import.meta.url));

describe('the default clip set (counter-display/voice/)', () => {
  const manifest = parseManifest(JSON.parse(readFileSync(`${voiceDir}manifest.json`, 'utf8')))!;

  it('has a clip for every word an announcement can say, and the chime', () => {
    expect(missingClips(manifest, [...VOCABULARY, CHIME_CLIP])).toEqual([]);
  });

  it('ships every file it names, small enough for a display to load at start', () => {
    let total = 0;
    for (const file of new Set(Object.values(manifest.clips))) {
      expect(existsSync(`${voiceDir}${file}`), file).toBe(true);
      const size = statSync(`${voiceDir}${file}`).size;
      expect(size, file).toBeGreaterThan(1000); // not an empty or silent stub
      total += size;
    }
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('parseManifest', () => {
  it('keeps plain file names only: no paths, no URLs', () => {
    expect(
      parseManifest({
        name: 'x',
        clips: { ba: 'ba.ogg', hai: '../etc/passwd', 'bốn': '/abs.ogg', năm: 'https://evil/x.ogg', sáu: 6, 'mốt': 'moots.mp3' },
      }),
    ).toEqual({ name: 'x', clips: { ba: 'ba.ogg', 'mốt': 'moots.mp3' } });
  });

  it('normalises keys to NFC, so a recording named with decomposed marks still matches', () => {
    const decomposed = 'mốt'.normalize('NFD');
    expect(parseManifest({ clips: { [decomposed]: 'a.ogg' } })!.clips).toEqual({ 'mốt': 'a.ogg' });
  });

  it('refuses what is not a manifest', () => {
    expect(parseManifest(null)).toBeNull();
    expect(parseManifest({ clip: {} })).toBeNull();
    expect(parseManifest('x')).toBeNull();
  });
});

describe('applyTheme', () => {
  const fakeStyle = () => {
    const props = new Map<string, string>();
    return { props, setProperty: (n: string, v: string) => void props.set(n, v), removeProperty: (n: string) => props.delete(n) };
  };

  it('sets the --luot-* properties and removes those the previous theme set and this one lacks', () => {
    const style = fakeStyle();
    let applied = applyTheme(style, { '--luot-display-bg': '#002b5c', '--luot-header-bg': '#005baa' }, {});
    expect(Object.fromEntries(style.props)).toEqual({ '--luot-display-bg': '#002b5c', '--luot-header-bg': '#005baa' });
    applied = applyTheme(style, { '--luot-display-bg': '#111' }, applied);
    expect(Object.fromEntries(style.props)).toEqual({ '--luot-display-bg': '#111' });
    expect(applied).toEqual({ '--luot-display-bg': '#111' });
  });

  it('ignores anything but --luot-* custom properties', () => {
    const style = fakeStyle();
    applyTheme(style, { color: 'red', '--other': 'x' }, {});
    expect(style.props.size).toBe(0);
  });
});
